import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';

/** A canary secret: it must never appear in any output. */
export const CANARY = 'canary-7f3a9c1e5b2d4068a1f0';

/** A temporary project folder with files; removed by `remove()`. */
export interface TemporaryProject {
  directory: string;
  write(name: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

/** Creates an empty project folder under the OS temporary folder. */
export async function createTemporaryProject(): Promise<TemporaryProject> {
  const directory = await mkdtemp(path.join(tmpdir(), 'evidencekit-cli-'));
  return {
    directory,
    async write(name, content) {
      const file = path.join(directory, name);
      await writeFile(file, content, 'utf8');
      return file;
    },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

/**
 * A configuration reading the sandbox's Prometheus under `mode` with the canary as bearer
 * token (`env:CANARY_TOKEN`), requiring `error_rate` in every environment.
 */
export function prometheusConfig(
  sandboxUrl: string,
  mode: 'pass' | 'fail' | 'empty' | 'hang' | 'reject',
  overrides: { token?: string; artifactDigest?: string } = {},
) {
  return {
    workspaceId: 'acme',
    connectors: {
      prometheus: {
        use: '@evidencekit/prometheus',
        settings: {
          baseUrl: `${sandboxUrl}/${mode}`,
          auth: { type: 'bearer', token: overrides.token ?? 'env:CANARY_TOKEN' },
        },
      },
    },
    services: [
      {
        name: 'checkout',
        environments: ['production'],
        release: {
          version: '2.14.0',
          artifactDigest:
            overrides.artifactDigest ??
            'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        },
        targets: [{ connector: 'prometheus', selector: { facts: ['error_rate'] } }],
      },
    ],
    policy: {
      environments: { '*': { required: [{ connector: 'prometheus', fact: 'error_rate' }] } },
    },
  };
}

/** Writes a configuration as YAML. */
export function toYaml(config: unknown): string {
  return stringifyYaml(config);
}
