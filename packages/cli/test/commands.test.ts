import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
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

const fixtures = path.join(import.meta.dirname, 'fixtures');
let sandbox: ProviderSandbox;
let project: TemporaryProject;
const keys = generateKeyPairSync('ed25519');
const privateKeyPem = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const publicKeyPem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const env = { CANARY_TOKEN: CANARY, SIGNING_KEY: privateKeyPem };

beforeAll(async () => {
  sandbox = await startProviderSandbox();
  project = await createTemporaryProject();
  await project.write('evidence.pub', publicKeyPem);
});
afterAll(async () => {
  await sandbox.close();
  await project.remove();
});

describe('configuration errors exit 78 and name the path', () => {
  it.each([
    {
      name: 'bad.yaml',
      content:
        'workspaceId: acme\nconnectors: {}\nservices:\n  - name: api\n    environments: production\n    targets: []\n',
      path: 'services[0].environments',
    },
    {
      name: 'bad.json',
      content: JSON.stringify({
        workspaceId: 'acme',
        connectors: {},
        services: [{ name: 'api', environments: ['prod'], targets: [{ connector: 'ghost' }] }],
      }),
      path: 'services[0].targets[0].connector',
    },
    {
      name: 'evidencekit.config.ts',
      content:
        'const config: { workspaceId: number } = { workspaceId: 42 };\nexport default config;\n',
      path: 'workspaceId',
    },
    { name: 'broken.yaml', content: 'workspaceId: [unclosed\n', path: 'broken.yaml' },
  ])('$name', async ({ name, content, path: fieldPath }) => {
    const file = await project.write(name, content);
    const run = await runBinary(['collect', '--config', file], { cwd: project.directory });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain(fieldPath);
    expect(run.stdout).toBe('');
  });

  it('names connectors.<id>.use and the install command for a missing package', async () => {
    const config = prometheusConfig(sandbox.url, 'pass');
    config.connectors.prometheus.use = '@evidencekit/no-such-connector';
    const file = await project.write('missing.yaml', toYaml(config));
    const run = await runBinary(['collect', '-c', file], { cwd: project.directory, env });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('connectors.prometheus.use');
    expect(run.stderr).toContain('npm install @evidencekit/no-such-connector');
  });

  it('refuses an inline secret, and with --allow-inline-secrets warns and never prints it', async () => {
    const file = await project.write(
      'inline.yaml',
      toYaml(prometheusConfig(sandbox.url, 'reject', { token: CANARY })),
    );
    const refused = await runBinary(['gate', '-c', file], { cwd: project.directory });
    expect(refused.code).toBe(78);
    expect(refused.stderr).toContain('connectors.prometheus.settings.auth.token');
    expect(refused.stderr).not.toContain(CANARY);
    const allowed = await runBinary(['gate', '-c', file, '--allow-inline-secrets', '--json'], {
      cwd: project.directory,
    });
    expect(allowed.code).toBe(2);
    expect(allowed.stderr).toContain('inline secret');
    expect(`${allowed.stdout}${allowed.stderr}`).not.toContain(CANARY);
    expect(sandbox.authorizations).toContain(`Bearer ${CANARY}`);
  });

  it('loads a typed evidencekit.config.ts that uses defineConfig', async () => {
    const run = await runBinary(['gate', '--json'], {
      cwd: path.join(fixtures, 'typed-config'),
      env: { SANDBOX_URL: sandbox.url },
    });
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('formats, and no secret in any output', () => {
  const formats = ['text', 'json', 'markdown', 'junit', 'in-toto'] as const;
  const commands = ['collect', 'gate'] as const;
  for (const command of commands) {
    it.each(formats)(`${command} --format %s never prints the canary`, async (format) => {
      // `reject` answers 401 with the credential echoed in its body.
      const file = await project.write(
        `${command}-${format}.yaml`,
        toYaml(prometheusConfig(sandbox.url, 'reject')),
      );
      const run = await runBinary(
        [command, '-c', file, '--format', format, '--signing-key', 'env:SIGNING_KEY'],
        {
          cwd: project.directory,
          env,
        },
      );
      expect(run.code, run.stderr).toBe(command === 'gate' ? 2 : 0);
      expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
      expect(`${run.stdout}${run.stderr}`).not.toContain(privateKeyPem.split('\n')[1]);
      if (format === 'json' || format === 'in-toto') JSON.parse(run.stdout);
      if (format === 'junit') expect(run.stdout).toMatch(/^<\?xml/);
      if (format === 'markdown') expect(run.stdout).toContain('|');
    });
  }

  it('check, explain and --output keep the canary out too', async () => {
    const file = await project.write('quiet.yaml', toYaml(prometheusConfig(sandbox.url, 'reject')));
    const check = await runBinary(['check', '-c', file, '--json'], { cwd: project.directory, env });
    expect(check.code).toBe(1);
    const collected = await runBinary(
      ['collect', '-c', file, '--json', '--output', 'out/records.json'],
      {
        cwd: project.directory,
        env,
      },
    );
    expect(collected.stdout).toBe('');
    const explain = await runBinary(['explain', 'out/records.json'], {
      cwd: project.directory,
      env,
    });
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('auth');
    for (const run of [check, collected, explain])
      expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
  });

  it('--json prints only the records and the decision on stdout', async () => {
    const file = await project.write('pure.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
    const run = await runBinary(['gate', '-c', file, '--json'], { cwd: project.directory, env });
    expect(Object.keys(JSON.parse(run.stdout)).sort()).toEqual(['decision', 'records']);
  });

  it('in-toto without --signing-key is a usage error', async () => {
    const file = await project.write(
      'unsigned.yaml',
      toYaml(prometheusConfig(sandbox.url, 'pass')),
    );
    const run = await runBinary(['gate', '-c', file, '--format', 'in-toto'], {
      cwd: project.directory,
      env,
    });
    expect(run.code).toBe(64);
  });
});

describe('verify', () => {
  const digest = 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  it('accepts a good envelope and refuses a tampered one or a wrong digest', async () => {
    const file = await project.write('signed.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
    const signed = await runBinary(
      [
        'gate',
        '-c',
        file,
        '--format',
        'in-toto',
        '--signing-key',
        'env:SIGNING_KEY',
        '-o',
        'envelope.json',
      ],
      { cwd: project.directory, env },
    );
    expect(signed.code, signed.stderr).toBe(0);
    const good = await runBinary(
      ['verify', 'envelope.json', '--public-key', 'evidence.pub', '--artifact-digest', digest],
      { cwd: project.directory },
    );
    expect(good.code, good.stdout).toBe(0);
    expect(good.stdout).toContain('Verified');

    const wrongDigest = await runBinary(
      [
        'verify',
        'envelope.json',
        '--public-key',
        'evidence.pub',
        '--artifact-digest',
        `sha256:${'0'.repeat(64)}`,
      ],
      { cwd: project.directory },
    );
    expect(wrongDigest.code).toBe(1);

    const { readFile } = await import('node:fs/promises');
    const envelope = JSON.parse(
      await readFile(path.join(project.directory, 'envelope.json'), 'utf8'),
    ) as { payload: string };
    const statement = Buffer.from(envelope.payload, 'base64')
      .toString('utf8')
      .replace('"pass"', '"fail"');
    envelope.payload = Buffer.from(statement).toString('base64');
    await project.write('tampered.json', JSON.stringify(envelope));
    const tampered = await runBinary(
      ['verify', 'tampered.json', '--public-key', 'evidence.pub', '--json'],
      { cwd: project.directory },
    );
    expect(tampered.code).toBe(1);
    expect((JSON.parse(tampered.stdout) as { ok: boolean }).ok).toBe(false);
  });

  it('refuses a --public-key that is not a PEM public key as bad input (65), naming it', async () => {
    await project.write('not-a-key.pub', 'not a key\n');
    await project.write('any-envelope.json', '{}');
    const run = await runBinary(['verify', 'any-envelope.json', '--public-key', 'not-a-key.pub'], {
      cwd: project.directory,
    });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('--public-key not-a-key.pub');
    expect(run.stderr).not.toContain('configuration error');
  });
});

describe('check, detect, ingest, schema', () => {
  it('check ends a hanging connector at the deadline as a timeout', async () => {
    const file = await project.write('hang.yaml', toYaml(prometheusConfig(sandbox.url, 'hang')));
    const run = await runBinary(['check', '-c', file, '--timeout-ms', '300', '--json'], {
      cwd: project.directory,
      env,
    });
    expect(run.code).toBe(1);
    const { checks } = JSON.parse(run.stdout) as {
      checks: Array<{ ok: boolean; findings: Array<{ code: string }> }>;
    };
    expect(checks[0]?.ok).toBe(false);
    expect(checks[0]?.findings.map((finding) => finding.code)).toContain('timeout');
  });

  it('check refuses a deadline above 5 s', async () => {
    const run = await runBinary(['check', '--timeout-ms', '6000'], { cwd: project.directory });
    expect(run.code).toBe(64);
  });

  it('check passes against a healthy provider', async () => {
    const file = await project.write('healthy.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
    const run = await runBinary(['check', '-c', file], { cwd: project.directory, env });
    expect(run.code, run.stdout).toBe(0);
  });

  it('detect recognizes Trivy in a repository and suggests a configuration', async () => {
    const run = await runBinary(['detect', path.join(fixtures, 'repository'), '--json'], {
      cwd: fixtures,
    });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      detections: Array<{ connector: string }>;
      suggestedConfig: {
        connectors: Record<string, { use: string }>;
        services: Array<{ targets: Array<{ selector: unknown }> }>;
      };
    };
    expect(result.detections.map((detection) => detection.connector)).toContain('trivy');
    expect(result.suggestedConfig.connectors.trivy?.use).toBe('@evidencekit/trivy');
    expect(result.suggestedConfig.services[0]?.targets[0]?.selector).toEqual({
      reportPath: 'trivy-report.json',
    });
  });

  it('detect refuses a folder that does not exist (66) instead of finding nothing', async () => {
    const run = await runBinary(['detect', 'no-such-folder', '--json'], { cwd: project.directory });
    expect(run.code).toBe(66);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no-such-folder');
  });

  it('ingest trivy <file> turns a report into a record', async () => {
    const run = await runBinary(
      [
        'ingest',
        'trivy',
        path.join(fixtures, 'trivy-report.json'),
        '--workspace',
        'acme',
        '--service',
        'checkout',
        '--environment',
        'production',
        '--json',
      ],
      { cwd: fixtures },
    );
    expect(run.code, run.stderr).toBe(0);
    const { records } = JSON.parse(run.stdout) as {
      records: Array<{ connector: string; facts: Array<{ name: string; status: string }> }>;
    };
    expect(records[0]?.connector).toBe('trivy');
    expect(records[0]?.facts.find((fact) => fact.name === 'critical_vulnerabilities')?.status).toBe(
      'failed',
    );
  });

  it.each(['evidence', 'config', 'policy'])('schema %s prints a JSON Schema', async (name) => {
    const run = await runBinary(['schema', name], { cwd: project.directory });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('$id');
  });
});
