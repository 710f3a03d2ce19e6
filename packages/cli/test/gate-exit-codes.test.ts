import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProviderSandbox, startProviderSandbox } from './support/provider-sandbox';
import { runBinary } from './support/run-binary';
import {
  CANARY,
  createTemporaryProject,
  prometheusConfig,
  type TemporaryProject,
  toYaml,
} from './support/temporary-project';

let sandbox: ProviderSandbox;
let project: TemporaryProject;
const env = { CANARY_TOKEN: CANARY };

beforeAll(async () => {
  sandbox = await startProviderSandbox();
  project = await createTemporaryProject();
});
afterAll(async () => {
  await sandbox.close();
  await project.remove();
});

describe('gate exit codes', () => {
  it.each([
    { mode: 'pass', code: 0, decision: 'pass' },
    { mode: 'fail', code: 1, decision: 'fail' },
    { mode: 'empty', code: 2, decision: 'hold' },
    { mode: 'reject', code: 2, decision: 'hold' },
  ] as const)(
    'exits $code when the evidence says $decision ($mode)',
    async ({ mode, code, decision }) => {
      const config = await project.write(
        `${mode}.yaml`,
        toYaml(prometheusConfig(sandbox.url, mode)),
      );
      const run = await runBinary(['gate', '--config', config, '--json'], {
        cwd: project.directory,
        env,
      });
      expect(run.code, run.stderr).toBe(code);
      const output = JSON.parse(run.stdout) as {
        decision: { decision: string };
        records: unknown[];
      };
      expect(output.decision.decision).toBe(decision);
      expect(output.records).toHaveLength(1);
    },
  );

  it('sends the credential the secret reference names', async () => {
    const config = await project.write(
      'credential.yaml',
      toYaml(prometheusConfig(sandbox.url, 'pass')),
    );
    await runBinary(['collect', '--config', config, '--json'], { cwd: project.directory, env });
    expect(sandbox.authorizations).toContain(`Bearer ${CANARY}`);
  });

  it('evaluates records from a file with --records, without collecting', async () => {
    const config = await project.write(
      'records.yaml',
      toYaml(prometheusConfig(sandbox.url, 'fail')),
    );
    const collected = await runBinary(['collect', '--config', config, '--json'], {
      cwd: project.directory,
      env,
    });
    expect(collected.code, collected.stderr).toBe(0);
    await project.write('records.json', collected.stdout);
    // The configuration now points at a passing provider: the decision must come from the file.
    const passing = await project.write(
      'passing.yaml',
      toYaml(prometheusConfig(sandbox.url, 'pass')),
    );
    const gated = await runBinary(
      ['gate', '--config', passing, '--records', 'records.json', '--json'],
      {
        cwd: project.directory,
        env,
      },
    );
    expect(gated.code).toBe(1);
  });
});

describe('usage and internal exit codes', () => {
  it.each([
    { args: ['launch'], why: 'an unknown command' },
    { args: ['gate', '--no-such-flag'], why: 'an unknown flag' },
    { args: ['gate', '--format', 'pdf'], why: 'an unknown format' },
    { args: ['ingest', 'trivy'], why: 'a missing argument' },
    { args: ['collect', '--concurrency', 'many'], why: 'a malformed number' },
    { args: [], why: 'no command' },
  ])('exits 64 for $why', async ({ args }) => {
    const run = await runBinary(args, { cwd: project.directory });
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toBe('');
  });

  it('exits 0 with help', async () => {
    const run = await runBinary(['gate', '--help'], { cwd: project.directory });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--records <file>');
  });

  it('exits 66 when --records names a missing file and 65 when it holds no records', async () => {
    const config = await project.write('input.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
    const missing = await runBinary(['gate', '-c', config, '--records', 'nope.json'], {
      cwd: project.directory,
    });
    expect(missing.code).toBe(66);
    await project.write('not-records.json', '{"hello": 1}');
    const invalid = await runBinary(['gate', '-c', config, '--records', 'not-records.json'], {
      cwd: project.directory,
    });
    expect(invalid.code).toBe(65);
  });
});
