import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type {
  AnyConnectorV1,
  DetectionV1,
  DetectOptionsV1,
} from '../../src/contract/v1/connector-v1';
import { defineConnector } from '../../src/contract/v1/define-connector';
import { detectConnectors } from '../../src/engine/detect-connectors';
import { UnsupportedSpecificationVersionError } from '../../src/errors/unsupported-specification-version-error';

type Detect = (options: DetectOptionsV1) => Promise<DetectionV1 | undefined>;

/** A connector whose `doDetect` does whatever the test says. */
function detectingConnector(id: string, doDetect?: Detect): AnyConnectorV1 {
  return defineConnector({
    specificationVersion: 'v1',
    metadata: {
      id,
      displayName: id,
      category: 'custom',
      maturity: 'detected-candidate',
      credential: 'none',
      scope: { minimum: 'one repository', avoid: 'nothing' },
      defaultMaxAgeSeconds: 300,
      facts: [
        {
          name: 'present',
          description: 'the provider is present',
          unit: 'word',
          defaultThreshold: '== yes',
          defaultAction: 'Nothing to do.',
        },
      ],
      package: { name: `@example/${id}`, version: '1.0.0' },
    },
    configSchema: z.object({}),
    selectorSchema: z.object({}),
    async doCheck() {
      return { ok: true, findings: [] };
    },
    async doCollect() {
      return { facts: [] };
    },
    ...(doDetect === undefined ? {} : { doDetect }),
  });
}

/** A connector that records what `doDetect` was given and suggests nothing. */
function recordingConnector(id = 'recorder') {
  const seen: DetectOptionsV1[] = [];
  const connector = detectingConnector(id, async (options) => {
    seen.push(options);
    return undefined;
  });
  return { connector, seen };
}

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'evidencekit-detect-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function writeFiles(files: Record<string, string>): Promise<void> {
  for (const [relativePath, content] of Object.entries(files)) {
    const file = path.join(directory, ...relativePath.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
  }
}

describe('detectConnectors: the repository walk', () => {
  it('lists files breadth first with / separators, in name order within each folder', async () => {
    await writeFiles({
      'b.txt': 'b',
      'a.txt': 'a',
      '.github/workflows/release.yml': 'on: push',
      'deploy/k8s/deployment.yaml': 'kind: Deployment',
    });
    const { connector, seen } = recordingConnector();
    const result = await detectConnectors({ connectors: [connector], directory });
    expect(seen[0]?.files).toEqual([
      'a.txt',
      'b.txt',
      '.github/workflows/release.yml',
      'deploy/k8s/deployment.yaml',
    ]);
    expect(result).toMatchObject({ scannedFiles: 4, truncated: false, failures: [] });
  });

  it('orders names by code units, not by the machine locale, so truncation is reproducible', async () => {
    await writeFiles({ 'b.yml': '', 'B.yml': '', 'a.yml': '', '_x.yml': '' });
    const { connector, seen } = recordingConnector();
    await detectConnectors({ connectors: [connector], directory, maxFiles: 3 });
    // localeCompare would give a, b, B or a, B, b depending on ICU; code units put capitals first.
    expect(seen[0]?.files).toEqual(['B.yml', '_x.yml', 'a.yml']);
  });

  it('lists nothing under node_modules or .git at any depth, except the root .git/config', async () => {
    await writeFiles({
      'package.json': '{}',
      'node_modules/trivy/package.json': '{}',
      '.git/config': '[core]',
      '.git/HEAD': 'ref: main',
      '.git/objects/ab/cdef': 'blob',
      'apps/web/node_modules/prometheus/index.js': '',
      'apps/web/.git/HEAD': 'ref: main',
      'apps/web/.git/config': '[core]',
      'apps/web/src/index.ts': '',
    });
    const { connector, seen } = recordingConnector();
    await detectConnectors({ connectors: [connector], directory });
    expect(seen[0]?.files).toEqual(['package.json', 'apps/web/src/index.ts', '.git/config']);
  });

  it.each([
    { name: 'a small regular file', size: 100, link: false, readable: true },
    { name: 'exactly 64 KiB', size: 64 * 1024, link: false, readable: true },
    { name: 'larger than 64 KiB', size: 64 * 1024 + 1, link: false, readable: false },
    { name: 'a symbolic link', size: 100, link: true, readable: false },
  ])(
    'gives connectors .git/config when it is $name: $readable',
    async ({ size, link, readable }) => {
      const content = `[remote "origin"]\n\turl = https://github.com/acme/checkout.git\n`.padEnd(
        size,
        '#',
      );
      if (link) {
        await writeFiles({ 'elsewhere/config': content });
        await mkdir(path.join(directory, '.git'));
        await symlink(
          path.join(directory, 'elsewhere', 'config'),
          path.join(directory, '.git', 'config'),
        );
      } else {
        await writeFiles({ '.git/config': content });
      }
      let read: string | undefined;
      const connector = detectingConnector('reader', async (options) => {
        read = await options.readFile('.git/config');
        return undefined;
      });
      const other = recordingConnector();
      await detectConnectors({ connectors: [connector, other.connector], directory });
      expect(read).toBe(readable ? content : undefined);
      expect(other.seen[0]?.files.includes('.git/config')).toBe(readable);
    },
  );

  it('reads no other file under .git, even when asked by name', async () => {
    await writeFiles({ '.git/config': '[core]', '.git/HEAD': 'ref: main' });
    const reads: Array<string | undefined> = [];
    const connector = detectingConnector('reader', async (options) => {
      for (const name of ['.git/HEAD', '.git/../.git/HEAD', 'apps/.git/config'])
        reads.push(await options.readFile(name));
      return undefined;
    });
    await detectConnectors({ connectors: [connector], directory });
    expect(reads).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    { maxFiles: 1, listed: 1, truncated: true },
    { maxFiles: 2, listed: 2, truncated: true },
    { maxFiles: 3, listed: 3, truncated: false },
    { maxFiles: 10, listed: 3, truncated: false },
  ])(
    'stops at maxFiles $maxFiles and says so (truncated: $truncated)',
    async ({ maxFiles, listed, truncated }) => {
      await writeFiles({ 'one.txt': '1', 'two.txt': '2', 'nested/three.txt': '3' });
      const { connector, seen } = recordingConnector();
      const result = await detectConnectors({ connectors: [connector], directory, maxFiles });
      expect(result.scannedFiles).toBe(listed);
      expect(result.truncated).toBe(truncated);
      expect(seen[0]?.files).toHaveLength(listed);
    },
  );

  it.each([
    { maxDepth: 0, files: ['root.txt'] },
    { maxDepth: 1, files: ['root.txt', 'a/one.txt'] },
    { maxDepth: 2, files: ['root.txt', 'a/one.txt', 'a/b/two.txt'] },
  ])('walks no deeper than maxDepth $maxDepth', async ({ maxDepth, files }) => {
    await writeFiles({ 'root.txt': '', 'a/one.txt': '', 'a/b/two.txt': '', 'a/b/c/three.txt': '' });
    const { connector, seen } = recordingConnector();
    const result = await detectConnectors({ connectors: [connector], directory, maxDepth });
    expect(seen[0]?.files).toEqual(files);
    // A depth limit is a choice, not a lost file: it does not set `truncated`.
    expect(result.truncated).toBe(false);
  });

  it('follows no symbolic links out of the folder', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'evidencekit-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.txt'), 'outside', 'utf8');
      await writeFiles({ 'inside.txt': 'inside' });
      await symlink(outside, path.join(directory, 'linked-folder'));
      await symlink(path.join(outside, 'secret.txt'), path.join(directory, 'linked-file.txt'));
      const { connector, seen } = recordingConnector();
      await detectConnectors({ connectors: [connector], directory });
      expect(seen[0]?.files).toEqual(['inside.txt']);
      expect(await seen[0]?.readFile('linked-file.txt')).toBeUndefined();
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('detectConnectors: reading files', () => {
  it('reads listed files up to maxFileBytes and nothing larger', async () => {
    await writeFiles({ 'small.txt': 'x'.repeat(16), 'large.txt': 'x'.repeat(17) });
    const { connector, seen } = recordingConnector();
    await detectConnectors({ connectors: [connector], directory, maxFileBytes: 16 });
    const readFile = seen[0]?.readFile;
    expect(await readFile?.('small.txt')).toBe('x'.repeat(16));
    expect(await readFile?.('large.txt')).toBeUndefined();
  });

  it.each([
    { label: 'a path that climbs out', request: '../outside.txt' },
    { label: 'an absolute path', request: '/etc/passwd' },
    { label: 'a file under node_modules', request: 'node_modules/pkg/index.js' },
    { label: 'a file under .git other than .git/config', request: '.git/HEAD' },
    { label: 'a file that does not exist', request: 'missing.txt' },
    { label: 'a file beyond maxDepth', request: 'a/b/deep.txt' },
  ])('answers undefined for $label', async ({ request }) => {
    // The scanned folder is `repository`; `outside.txt` exists beside it.
    await writeFiles({
      'outside.txt': 'outside',
      'repository/node_modules/pkg/index.js': 'module',
      'repository/.git/HEAD': 'ref: main',
      'repository/a/b/deep.txt': 'deep',
    });
    const { connector, seen } = recordingConnector();
    await detectConnectors({
      connectors: [connector],
      directory: path.join(directory, 'repository'),
      maxDepth: 1,
    });
    expect(await seen[0]?.readFile(request)).toBeUndefined();
  });
});

describe('detectConnectors: environment variables', () => {
  it('gives connectors the names, sorted, and never a value', async () => {
    const canary = 'canary-env-value-5e1d9b';
    const environment = { PROMETHEUS_TOKEN: canary, GITHUB_TOKEN: canary, CI: 'true' };
    const { connector, seen } = recordingConnector();
    await detectConnectors({
      connectors: [connector],
      directory,
      environmentVariableNames: Object.keys(environment),
    });
    const options = seen[0];
    expect(options?.environmentVariableNames).toEqual(['CI', 'GITHUB_TOKEN', 'PROMETHEUS_TOKEN']);
    expect(Object.keys(options ?? {}).sort()).toEqual([
      'environmentVariableNames',
      'files',
      'readFile',
    ]);
    expect(JSON.stringify(options)).not.toContain(canary);
  });

  it('does not read the process environment on its own', async () => {
    const { connector, seen } = recordingConnector();
    await detectConnectors({ connectors: [connector], directory });
    expect(seen[0]?.environmentVariableNames).toEqual([]);
  });

  it('does not let one connector reorder the names another sees', async () => {
    const names = ['Z_VAR', 'A_VAR'];
    const first = detectingConnector('first', async (options) => {
      (options.environmentVariableNames as string[]).reverse();
      return undefined;
    });
    const { connector: second, seen } = recordingConnector('second');
    await detectConnectors({
      connectors: [first, second],
      directory,
      environmentVariableNames: names,
    });
    // The caller's list is never touched; each run works on its own sorted copy.
    expect(names).toEqual(['Z_VAR', 'A_VAR']);
    expect(new Set(seen[0]?.environmentVariableNames)).toEqual(new Set(['A_VAR', 'Z_VAR']));
  });
});

describe('detectConnectors: results', () => {
  const suggestion = (confidence: number): Detect => {
    return async () => ({ confidence, evidence: [`seen with ${confidence}`] });
  };

  it('isolates a connector whose doDetect throws and keeps the others', async () => {
    const result = await detectConnectors({
      connectors: [
        detectingConnector('broken', async () => {
          throw new Error('could not parse workflow');
        }),
        detectingConnector('rejects-with-a-string', () => Promise.reject('plain failure')),
        detectingConnector('working', suggestion(0.9)),
      ],
      directory,
    });
    expect(result.failures).toEqual([
      { connector: 'broken', message: 'could not parse workflow' },
      { connector: 'rejects-with-a-string', message: 'plain failure' },
    ]);
    expect(result.detections.map((detection) => detection.connector)).toEqual(['working']);
  });

  it('orders by confidence, then connector id, whatever order the connectors come in', async () => {
    const connectors = [
      detectingConnector('kubernetes', suggestion(0.5)),
      detectingConnector('trivy', suggestion(0.9)),
      detectingConnector('argo', suggestion(0.5)),
      detectingConnector('prometheus', suggestion(0.9)),
      detectingConnector('silent', async () => undefined),
      detectingConnector('no-detect'),
    ];
    const expected = ['prometheus', 'trivy', 'argo', 'kubernetes'];
    for (const order of [connectors, [...connectors].reverse()]) {
      const { detections } = await detectConnectors({ connectors: order, directory });
      expect(detections.map((detection) => detection.connector)).toEqual(expected);
    }
  });

  it('clamps confidence into 0..1 and names the connector and its package', async () => {
    const { detections } = await detectConnectors({
      connectors: [
        detectingConnector('over', suggestion(3)),
        detectingConnector('under', suggestion(-1)),
      ],
      directory,
    });
    expect(detections).toEqual([
      {
        connector: 'over',
        packageName: '@example/over',
        confidence: 1,
        evidence: ['seen with 3'],
      },
      {
        connector: 'under',
        packageName: '@example/under',
        confidence: 0,
        evidence: ['seen with -1'],
      },
    ]);
  });

  it('refuses a connector of an unsupported contract version, naming the supported ones', async () => {
    const future = { ...detectingConnector('future'), specificationVersion: 'v9' };
    await expect(
      detectConnectors({ connectors: [future as unknown as AnyConnectorV1], directory }),
    ).rejects.toSatisfy(
      (error) =>
        UnsupportedSpecificationVersionError.isInstance(error) &&
        (error as Error).message.includes('v1'),
    );
  });

  it('stops when the signal is aborted', async () => {
    await writeFiles({ 'a.txt': 'a' });
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the host'));
    await expect(
      detectConnectors({
        connectors: [recordingConnector().connector],
        directory,
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled by the host');
  });
});
