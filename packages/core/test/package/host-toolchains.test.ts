// The packed tarballs under the tools users run them with: a Jest (CommonJS) test suite, and an
// esbuild ESM bundle of the README snippet. Both make real requests to a loopback Prometheus
// stand-in. Jest refused core's `import('undici')`, and a bundle inlined undici, whose
// `require('node:assert')` cannot run in ESM: every HTTP fact was `unavailable` in both.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProject,
  packWorkspacePackage,
  repositoryRoot,
  runOrExplain,
} from './throwaway-project';

// Packing two packages and one `npm install` with Jest in it.
const setupTimeoutMilliseconds = 240_000;
const runTimeoutMilliseconds = 60_000;

// What the tests need of esbuild's JS API. esbuild comes from the tree through tsup, so the
// bundle is made by the same esbuild that builds the packages.
interface Esbuild {
  build(options: {
    entryPoints: string[];
    bundle: true;
    platform: 'node';
    format: 'esm';
    outfile: string;
    logLevel: 'silent';
  }): Promise<{ errors: unknown[] }>;
}
const esbuild = createRequire(
  createRequire(path.join(repositoryRoot, 'package.json')).resolve('tsup'),
)('esbuild') as Esbuild;

let workDirectory = '';
let projectDirectory = '';

beforeAll(async () => {
  workDirectory = mkdtempSync(path.join(tmpdir(), 'evidencekit-host-toolchains-'));
  const tarballs = await Promise.all(
    [
      path.join(repositoryRoot, 'packages', 'core'),
      path.join(repositoryRoot, 'packages', 'connectors', 'prometheus'),
    ].map((directory) => packWorkspacePackage(directory, workDirectory)),
  );
  projectDirectory = path.join(workDirectory, 'project');
  // One project for every check: CommonJS, as most Jest setups are.
  await createProject(
    projectDirectory,
    { name: 'evidencekit-host-toolchains', private: true, type: 'commonjs' },
    [...tarballs, 'jest@30'],
  );
}, setupTimeoutMilliseconds);

afterAll(() => {
  if (workDirectory !== '') rmSync(workDirectory, { recursive: true, force: true });
});

/**
 * A loopback stand-in for Prometheus that answers every instant query with one sample. The
 * answer is the "Instant queries" example of the Prometheus HTTP API docs
 * (https://prometheus.io/docs/prometheus/latest/querying/api/), trimmed to one series, its
 * timestamp moved to now.
 */
async function startPrometheus(value: string) {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server: Server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: { job: 'checkout' }, value: [Date.now() / 1000, value] }],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const jestSuite = `const { collectEvidence } = require('@evidencekit/core');
const { createPrometheus } = require('@evidencekit/prometheus');

test('collects Prometheus evidence through a real request', async () => {
  const prometheus = createPrometheus({
    baseUrl: process.env.PROMETHEUS_URL,
    auth: { type: 'bearer', token: 'env:PROMETHEUS_TOKEN' },
  });
  const targets = [{ connector: prometheus, scope: { workspaceId: 'acme', service: 'checkout', environment: 'production' }, selector: {} }];
  const [record] = await Array.fromAsync(collectEvidence({ targets }));
  const byName = Object.fromEntries(record.facts.map((fact) => [fact.name, fact]));
  expect(byName.error_rate).toMatchObject({ status: 'passed' });
  expect(byName.p95_latency).toMatchObject({ status: 'passed' });
});
`;

interface JestReport {
  numTotalTests: number;
  numPassedTests: number;
  testResults: Array<{ message: string }>;
}

describe('the packed tarballs', () => {
  it(
    'work under Jest (CommonJS, no flags)',
    async () => {
      const prometheus = await startPrometheus('0.001');
      try {
        writeFileSync(path.join(projectDirectory, 'evidence.test.js'), jestSuite);
        const reportFile = path.join(projectDirectory, 'jest-report.json');
        await runOrExplain(
          process.execPath,
          [
            path.join(projectDirectory, 'node_modules', 'jest', 'bin', 'jest.js'),
            '--ci',
            '--json',
            `--outputFile=${reportFile}`,
            'evidence.test.js',
          ],
          projectDirectory,
          { PROMETHEUS_URL: prometheus.url, PROMETHEUS_TOKEN: 'jest-token-1b7e' },
        ).catch((error: unknown) => {
          const report = readFileSync(reportFile, 'utf8');
          throw new Error(`${(error as Error).message}\n${report}`);
        });
        const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
        expect(report.testResults.map((result) => result.message).join('\n')).toBe('');
        expect(report).toMatchObject({ numTotalTests: 1, numPassedTests: 1 });
        expect(prometheus.requests.length).toBeGreaterThan(0);
        expect(prometheus.requests[0]?.headers.authorization).toBe('Bearer jest-token-1b7e');
      } finally {
        await prometheus.close();
      }
    },
    runTimeoutMilliseconds,
  );

  it(
    'bundle with esbuild to ESM and run: the README snippet',
    async () => {
      const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Using the SDK'));
      const snippet = /```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
      expect(snippet, 'README.md has a "Using the SDK" TypeScript snippet').toBeDefined();
      // `.mts`: the snippet is TypeScript, as users write it.
      const entry = path.join(projectDirectory, 'readme-snippet.mts');
      writeFileSync(
        entry,
        `${(snippet ?? '').replace(/baseUrl: '[^']*'/, 'baseUrl: process.env.PROMETHEUS_URL')}
console.log(JSON.stringify({ decision: decision.decision, facts: records.flatMap((record) => record.facts.map((fact) => [record.scope.service, fact.name, fact.status, fact.reason?.message ?? null])) }));
`,
      );
      const outfile = path.join(projectDirectory, 'readme-snippet.bundle.mjs');
      const result = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile,
        logLevel: 'silent',
      });
      expect(result.errors).toEqual([]);
      // Core and the connector are inside the bundle, not loaded from node_modules.
      expect(readFileSync(outfile, 'utf8')).not.toMatch(/from ["']@evidencekit\//);

      const prometheus = await startPrometheus('0.001');
      try {
        const output = await runOrExplain(process.execPath, [outfile], projectDirectory, {
          PROMETHEUS_URL: prometheus.url,
          PROMETHEUS_TOKEN: 'bundle-token-5c2d',
        });
        const summary = JSON.parse(output.trim().split('\n').at(-1) ?? '') as {
          decision: string;
          facts: Array<[string, string, string, string | null]>;
        };
        const gated = summary.facts.filter(([, fact]) =>
          ['error_rate', 'p95_latency'].includes(fact),
        );
        expect(gated).toEqual([
          ['checkout', 'error_rate', 'passed', null],
          ['checkout', 'p95_latency', 'passed', null],
          ['payments', 'error_rate', 'passed', null],
          ['payments', 'p95_latency', 'passed', null],
        ]);
        expect(summary.decision).toBe('pass');
        expect(prometheus.requests[0]?.headers.authorization).toBe('Bearer bundle-token-5c2d');
      } finally {
        await prometheus.close();
      }
    },
    runTimeoutMilliseconds,
  );
});
