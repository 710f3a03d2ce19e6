// Installs the packed tarball into throwaway CommonJS and ESM projects and imports it there,
// the way npm users will: a broken `exports` map, a missing dual build, or an ESM-only
// dependency that the CommonJS build cannot call only show up here, never from sources.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_EVIDENCE_RECORD_JSON } from '../evidence/seed-evidence-record';

const run = promisify(execFile);

const packageDirectory = path.resolve(import.meta.dirname, '..', '..');
const repositoryRoot = path.resolve(packageDirectory, '..', '..');
const packageJson = JSON.parse(
  readFileSync(path.join(packageDirectory, 'package.json'), 'utf8'),
) as {
  name: string;
  version: string;
};

// Building, packing and two `npm install`s; everything else in the suite is fast.
const setupTimeoutMilliseconds = 180_000;

/** What each consumer reports after loading the package. */
interface ConsumerReport {
  version: unknown;
  connectorIsFrozenV1: boolean;
  rollUps: unknown[];
  parsedSeed: unknown;
  schemaId: unknown;
  request: { status: number; data: unknown; calls: number };
}

/** The body both consumers run once `core` and `schema` are loaded. */
const consumerChecks = `
const connector = core.defineConnector({
  specificationVersion: 'v1',
  metadata: { id: 'pack-test' },
  configSchema: core.scopeSchema,
  selectorSchema: core.scopeSchema,
  async doCheck() { return { ok: true, findings: [] }; },
  async doCollect() { return { facts: [] }; },
});
const report = {
  version: core.VERSION,
  connectorIsFrozenV1: Object.isFrozen(connector) && connector.specificationVersion === 'v1',
  rollUps: [
    core.rollUpStatus([{ status: 'passed' }, { status: 'pending' }, { status: 'failed' }]),
    core.rollUpStatus([{ status: 'passed' }]),
    core.rollUpStatus([]),
  ],
  parsedSeed: core.evidenceRecordSchema.parse(JSON.parse(${JSON.stringify(SEED_EVIDENCE_RECORD_JSON)})),
  schemaId: schema.$id,
};
// A real request through the runtime: undici loads on first use, p-retry (bundled into the CJS
// build) retries one 503.
(async () => {
  const http = process.getBuiltinModule('node:http');
  let calls = 0;
  const server = http.createServer((request, response) => {
    calls += 1;
    if (calls === 1) {
      response.writeHead(503, { 'retry-after': '0' });
      response.end('busy');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const runtime = core.createRuntime({ retry: { baseDelayMs: 1 } });
  const client = runtime
    .bind({ connectorId: 'pack-test', packageName: 'pack-test', packageVersion: '0.0.0', signal: new AbortController().signal })
    .http({ baseUrl: 'http://127.0.0.1:' + server.address().port });
  const response = await client.request({ path: '/ok' });
  await runtime.close();
  server.close();
  report.request = { status: response.status, data: response.data, calls };
  process.stdout.write(JSON.stringify(report));
})();
`;

const consumers = {
  commonjs: {
    manifest: { name: 'evidencekit-commonjs-consumer', private: true, type: 'commonjs' },
    entry: 'index.cjs',
    source: `const core = require('${packageJson.name}');
const schema = require('${packageJson.name}/schema/evidence-v1.json');
${consumerChecks}`,
  },
  esm: {
    manifest: { name: 'evidencekit-esm-consumer', private: true, type: 'module' },
    entry: 'index.mjs',
    source: `import * as core from '${packageJson.name}';
import schema from '${packageJson.name}/schema/evidence-v1.json' with { type: 'json' };
${consumerChecks}`,
  },
} as const;

type ConsumerKind = keyof typeof consumers;

let workDirectory = '';
const consumerDirectories = new Map<ConsumerKind, string>();

async function runOrExplain(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stderr}${stdout}`);
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(packageDirectory, 'dist', 'index.cjs'))) {
    await runOrExplain('pnpm', ['--filter', packageJson.name, 'build'], repositoryRoot);
  }
  workDirectory = mkdtempSync(path.join(tmpdir(), 'evidencekit-pack-test-'));
  const packOutput = await runOrExplain(
    'pnpm',
    ['pack', '--pack-destination', workDirectory, '--json'],
    packageDirectory,
  );
  const { filename } = JSON.parse(packOutput) as { filename: string };
  const tarball = path.resolve(workDirectory, filename);

  await Promise.all(
    (Object.keys(consumers) as ConsumerKind[]).map(async (kind) => {
      const consumer = consumers[kind];
      const directory = path.join(workDirectory, kind);
      mkdirSync(directory);
      writeFileSync(path.join(directory, 'package.json'), JSON.stringify(consumer.manifest));
      writeFileSync(path.join(directory, consumer.entry), consumer.source);
      await runOrExplain(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball],
        directory,
      );
      consumerDirectories.set(kind, directory);
    }),
  );
}, setupTimeoutMilliseconds);

afterAll(() => {
  if (workDirectory !== '') rmSync(workDirectory, { recursive: true, force: true });
});

describe.each(Object.keys(consumers) as ConsumerKind[])('the packed tarball from %s', (kind) => {
  it('loads and works', async () => {
    const directory = consumerDirectories.get(kind);
    expect(directory, `the ${kind} consumer was not installed`).toBeDefined();
    const output = await runOrExplain(
      process.execPath,
      [consumers[kind].entry],
      directory ?? workDirectory,
    );
    const report = JSON.parse(output) as ConsumerReport;

    expect(report.version).toBe(packageJson.version);
    expect(report.connectorIsFrozenV1).toBe(true);
    expect(report.rollUps).toEqual(['failed', 'passed', 'unavailable']);
    expect(report.parsedSeed).toEqual(JSON.parse(SEED_EVIDENCE_RECORD_JSON));
    expect(report.schemaId).toBe('https://evidencekit.dev/schema/evidence-v1.json');
    expect(report.request).toEqual({ status: 200, data: { ok: true }, calls: 2 });
  });
});
