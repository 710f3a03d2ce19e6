import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  packWorkspacePackage,
  repositoryRoot,
  runOrExplain,
} from '../../core/test/package/throwaway-project';
import { EXIT_CODES, runCreateConnector } from '../src/index';

// What `npm create @evidencekit/connector` promises: the package it writes builds, tests and
// packs on its own, outside any workspace. One project, generated into a temporary folder
// outside the repository, with core and testing installed from their packed tarballs and the
// tools from the registry (one `npm install`), then reused for build, test and pack.

const setupTimeoutMs = 300_000;
let workDirectory = '';
let project = '';

beforeAll(async () => {
  workDirectory = mkdtempSync(path.join(tmpdir(), 'evidencekit-create-connector-'));
  const [core, testing] = await Promise.all(
    ['core', 'testing'].map((name) =>
      packWorkspacePackage(path.join(repositoryRoot, 'packages', name), workDirectory),
    ),
  );
  const output: string[] = [];
  const code = await runCreateConnector(
    ['acme-status', '--yes', '--category', 'incidents', '--credential', 'optional'],
    {
      cwd: workDirectory,
      stdout: (text) => output.push(text),
      stderr: (text) => output.push(text),
    },
  );
  if (code !== EXIT_CODES.ok)
    throw new Error(`create-connector exited ${code}:\n${output.join('')}`);
  project = path.join(workDirectory, 'acme-status');
  await runOrExplain(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', core ?? '', testing ?? ''],
    project,
  );
}, setupTimeoutMs);

afterAll(() => {
  if (workDirectory !== '') rmSync(workDirectory, { recursive: true, force: true });
});

describe('a connector generated outside the workspace', () => {
  it('is written outside the repository', () => {
    expect(path.relative(repositoryRoot, project).startsWith('..')).toBe(true);
  });

  it('builds ESM, CommonJS and declarations with its version in VERSION', async () => {
    await runOrExplain('npm', ['run', 'build'], project);
    const probe = [
      "const esm = await import('./dist/index.js');",
      "const cjs = (await import('node:module')).createRequire(import.meta.url)('./dist/index.cjs');",
      'console.log(JSON.stringify([esm.VERSION, cjs.VERSION, typeof esm.createAcmeStatus, esm.acmeStatusConnector.metadata.id]));',
    ].join('\n');
    const printed = await runOrExplain(
      process.execPath,
      ['--input-type=module', '-e', probe],
      project,
    );

    expect(JSON.parse(printed)).toEqual(['0.1.0', '0.1.0', 'function', 'acme-status']);
    expect(readFileSync(path.join(project, 'dist', 'index.d.ts'), 'utf8')).toContain(
      'createAcmeStatus',
    );
  }, 120_000);

  it('passes its own MSW tests and the conformance suite', async () => {
    const output = await runOrExplain('npm', ['test'], project);

    expect(output).toMatch(/Test Files\s+.*2 passed/);
  }, 180_000);

  it('packs with its build, sources and README', async () => {
    const output = await runOrExplain('npm', ['pack', '--dry-run', '--json'], project);
    const [packed] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
    const files = (packed?.files ?? []).map((file) => file.path);

    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
        'src/index.ts',
      ]),
    );
    expect(files.some((file) => file.startsWith('test/'))).toBe(false);
  }, 60_000);
});
