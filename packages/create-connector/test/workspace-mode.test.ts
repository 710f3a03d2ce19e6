import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/index';
import { filesUnder, run, temporaryFolder } from './support/run-in-temp';

// `pnpm new:connector` (`--workspace`): a repository connector in packages/connectors/<id>
// with its LICENSE, its changeset and its place in the one release group. Run against a copy
// of the repository's manifests so the real checkout is never touched.

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');

function fakeRepository(): string {
  const root = temporaryFolder('create-connector-workspace-');
  for (const file of [
    'package.json',
    'pnpm-workspace.yaml',
    'LICENSE',
    '.changeset/config.json',
    'packages/core/package.json',
    'packages/testing/package.json',
  ]) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    copyFileSync(path.join(repositoryRoot, file), path.join(root, file));
  }
  return root;
}

describe('--workspace', () => {
  it('writes packages/connectors/<id>, its LICENSE and changeset, and joins the release group', async () => {
    const root = fakeRepository();
    const configBefore = readFileSync(path.join(root, '.changeset/config.json'), 'utf8');
    const result = await run(['acme-status', '--workspace', '--yes'], { cwd: root });

    expect(result.code).toBe(EXIT_CODES.ok);
    const directory = path.join(root, 'packages', 'connectors', 'acme-status');
    expect(filesUnder(directory)).toContain('LICENSE');
    expect(readFileSync(path.join(directory, 'LICENSE'))).toEqual(
      readFileSync(path.join(repositoryRoot, 'LICENSE')),
    );
    const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@evidencekit/acme-status',
      peerDependencies: { '@evidencekit/core': 'workspace:^' },
      devDependencies: {
        '@evidencekit/core': 'workspace:*',
        '@evidencekit/testing': 'workspace:*',
      },
      repository: { directory: 'packages/connectors/acme-status' },
    });
    expect(readFileSync(path.join(directory, 'tsup.config.ts'), 'utf8')).toContain(
      '../../../scripts/tsup-package-config',
    );
    expect(readFileSync(path.join(root, '.changeset/acme-status-connector.md'), 'utf8')).toContain(
      '"@evidencekit/acme-status": minor',
    );
    const config = readFileSync(path.join(root, '.changeset/config.json'), 'utf8');
    const { fixed } = JSON.parse(config) as { fixed: string[][] };
    const before = (JSON.parse(configBefore) as { fixed: string[][] }).fixed[0] ?? [];
    expect(fixed[0]).toEqual([...before, '@evidencekit/acme-status']);
    // Only the one line is added: the file keeps its own formatting.
    const added = config.split('\n').filter((line) => !configBefore.split('\n').includes(line));
    expect(added.map((line) => line.trim())).toEqual([
      expect.stringMatching(/^"@evidencekit\/[a-z]+",$/),
      '"@evidencekit/acme-status"',
    ]);
  });

  it.each([
    [
      ['acme', '--workspace', '--yes', '--dir', 'elsewhere'],
      '--dir cannot be used with --workspace',
    ],
    [['acme', '--workspace', '--yes', '--package', 'acme'], 'published as @evidencekit/acme'],
  ])('refuses %j', async (argv, message) => {
    const root = fakeRepository();
    const result = await run(argv, { cwd: root });

    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain(message);
  });

  it('refuses an id that already has a package, changing nothing', async () => {
    const root = fakeRepository();
    mkdirSync(path.join(root, 'packages/connectors/acme'), { recursive: true });
    writeFileSync(path.join(root, 'packages/connectors/acme/package.json'), '{}');
    const config = readFileSync(path.join(root, '.changeset/config.json'), 'utf8');
    const result = await run(['acme', '--workspace', '--yes'], { cwd: root });

    expect(result.code).toBe(EXIT_CODES.failed);
    expect(filesUnder(path.join(root, 'packages/connectors/acme'))).toEqual(['package.json']);
    expect(readFileSync(path.join(root, '.changeset/config.json'), 'utf8')).toBe(config);
  });
});
