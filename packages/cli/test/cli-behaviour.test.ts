import { execFileSync } from 'node:child_process';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/run-cli';
import { type ProviderSandbox, startProviderSandbox } from './support/provider-sandbox';
import {
  CANARY,
  createTemporaryProject,
  prometheusConfig,
  type TemporaryProject,
  toYaml,
} from './support/temporary-project';

// In-process runs through runCli: the session's cwd is the project, never the test's own.
let sandbox: ProviderSandbox;
let project: TemporaryProject;

beforeAll(async () => {
  sandbox = await startProviderSandbox();
  project = await createTemporaryProject();
});
afterAll(async () => {
  await sandbox.close();
  await project.remove();
});

async function run(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty === true },
    stderr: { write: (text: string) => (stderr += text) },
    env: { CANARY_TOKEN: CANARY, ...options.env },
    cwd: options.cwd ?? project.directory,
  });
  return { code, stdout, stderr };
}

describe('every file read as data is bounded before it is parsed (65)', () => {
  it.each([
    { label: '50 MiB + 1 byte', build: 'big', limit: '50 MiB' },
    { label: '100 000 nested [', build: 'deep', limit: '256 levels' },
  ])(
    'ingest, --records, explain and verify refuse $label, naming the limit',
    async ({ build, label, limit }) => {
      const file = path.join(project.directory, `${build}.json`);
      if (build === 'big') {
        await writeFile(file, '');
        await truncate(file, 50 * 1024 * 1024 + 1);
      } else {
        await writeFile(file, '['.repeat(100_000));
      }
      await project.write('gate.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
      await writeFile(path.join(project.directory, 'key.pub'), 'not a key');
      for (const argv of [
        [
          'ingest',
          'trivy',
          `${build}.json`,
          '--workspace',
          'a',
          '--service',
          's',
          '--environment',
          'e',
        ],
        ['gate', '-c', 'gate.yaml', '--records', `${build}.json`],
        ['explain', `${build}.json`],
        ['verify', `${build}.json`, '--public-key', 'key.pub'],
      ]) {
        const result = await run(argv);
        expect(result.code, `${argv[0]} ${label}: ${result.stderr}`).toBe(65);
        expect(result.stderr).toContain(limit);
      }
    },
  );

  it('refuses a configuration nested too deep (78), JSON or YAML', async () => {
    await project.write('deep.json', `{"workspaceId": ${'['.repeat(100_000)}`);
    await project.write('deep.yaml', `${'- '.repeat(50_000)}x\n`);
    for (const file of ['deep.json', 'deep.yaml']) {
      const result = await run(['collect', '-c', file]);
      expect(result.code, result.stderr).toBe(78);
      expect(result.stderr).toContain('64 levels');
    }
  });
});

describe('configuration modules', () => {
  const body = (url: string) => JSON.stringify(prometheusConfig(url, 'pass'));
  it.each([
    {
      type: 'commonjs',
      file: 'evidencekit.config.ts',
      source: (url: string) => `const c: object = ${body(url)};\nexport default c;\n`,
    },
    {
      type: 'commonjs',
      file: 'evidencekit.config.mts',
      source: (url: string) => `export default ${body(url)} as const;\n`,
    },
    {
      type: 'commonjs',
      file: 'evidencekit.config.cts',
      source: (url: string) => `const c: object = ${body(url)};\nmodule.exports = c;\n`,
    },
    {
      type: 'module',
      file: 'evidencekit.config.ts',
      source: (url: string) => `const c: object = ${body(url)};\nexport default c;\n`,
    },
    {
      type: 'module',
      file: 'evidencekit.config.mts',
      source: (url: string) => `export default ${body(url)};\n`,
    },
    {
      type: 'module',
      file: 'evidencekit.config.cts',
      source: (url: string) => `module.exports = ${body(url)};\n`,
    },
  ])('loads $file in a "$type" package', async ({ type, file, source }) => {
    const directory = path.join(project.directory, `pkg-${type}-${file}`);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, 'package.json'), JSON.stringify({ name: 'app', type }));
    await writeFile(path.join(directory, file), source(sandbox.url));
    const result = await run(['gate', '--json'], { cwd: directory });
    expect(result.code, result.stderr).toBe(0);
  });

  it.each([
    { name: 'exit.ts', source: 'process.exit(0);\nexport default {};\n', says: 'process.exit(0)' },
    {
      name: 'swallowed-exit.mjs',
      source: 'try { process.exit(0); } catch {}\nexport default {};\n',
      says: 'process.exit(0)',
    },
    {
      name: 'never.mts',
      source: 'await new Promise(() => {});\nexport default {};\n',
      says: 'within 300 ms',
    },
    {
      name: 'rejects.mjs',
      source: "export default Promise.reject(new Error('no config today'));\n",
      says: 'no config today',
    },
    {
      name: 'throws.ts',
      source: "throw new Error('broken on purpose');\n",
      says: 'broken on purpose',
    },
  ])('$name is a configuration error (78), never another exit', async ({ name, source, says }) => {
    await project.write(name, source);
    const result = await run(['gate', '-c', name], {
      env: { EVIDENCEKIT_CONFIG_TIMEOUT_MS: '300' },
    });
    expect(result.code, result.stderr).toBe(78);
    expect(result.stderr).toContain(name);
    expect(result.stderr).toContain(says);
  });

  it('never quotes a malformed JSON configuration, only its line and column', async () => {
    await project.write('broken.json', `{\n  "workspaceId": "acme",\n  "token": "${CANARY}\n}`);
    const result = await run(['gate', '-c', 'broken.json']);
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/line 3, column \d+/);
    expect(result.stderr).not.toContain(CANARY);
  });
});

describe('numeric flags are checked against their documented range (64)', () => {
  it.each([
    ['collect', '--concurrency', '0'],
    ['collect', '--concurrency', '65'],
    ['gate', '--concurrency', '1.5'],
    ['gate', '--timeout-ms', '2147483648'],
    ['collect', '--timeout-ms', '0'],
    ['check', '--timeout-ms', '5001'],
    ['detect', '--max-files', '0'],
    ['detect', '--max-files', '1000001'],
  ])('%s %s %s', async (command, flag, value) => {
    const result = await run([command, flag, value]);
    expect(result.code, result.stderr).toBe(64);
    expect(result.stderr).toContain(flag);
  });

  it('accepts the ends of the range', async () => {
    await project.write('range.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
    const result = await run(['gate', '-c', 'range.yaml', '--concurrency', '64', '--json']);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('every path resolves from the session cwd', () => {
  it('a file: secret and --output are relative to runCli({ cwd })', async () => {
    const directory = path.join(project.directory, 'session-cwd');
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, 'token.txt'), `${CANARY}\n`);
    await writeFile(
      path.join(directory, 'evidencekit.config.yaml'),
      toYaml(prometheusConfig(sandbox.url, 'pass', { token: 'file:token.txt' })),
    );
    const result = await run(['gate', '--json', '-o', 'out/gate.json'], { cwd: directory });
    expect(result.code, result.stderr).toBe(0);
    expect(sandbox.authorizations).toContain(`Bearer ${CANARY}`);
    const explained = await run(['explain', 'out/gate.json'], { cwd: directory });
    expect(explained.code, explained.stderr).toBe(0);
  });
});

describe('misconfiguration is 78 before any provider is asked, never a hold', () => {
  it.each([
    {
      name: 'a misspelt setting',
      edit: (config: ReturnType<typeof prometheusConfig>) => {
        (config.connectors.prometheus.settings as Record<string, unknown>).baseUlr = 'x';
      },
      path: 'connectors.prometheus.settings.baseUlr',
    },
    {
      name: 'a secret that is not set',
      edit: (config: ReturnType<typeof prometheusConfig>) => {
        config.connectors.prometheus.settings.auth.token = 'env:NOT_SET_ANYWHERE';
      },
      path: 'connectors.prometheus.settings.auth.token',
    },
    {
      name: 'a policy naming an unknown fact',
      edit: (config: ReturnType<typeof prometheusConfig>) => {
        config.policy.environments['*'].required = [{ connector: 'prometheus', fact: 'eror_rate' }];
      },
      path: 'policy.',
    },
  ])('$name', async ({ edit, path: fieldPath }) => {
    const config = prometheusConfig(sandbox.url, 'pass');
    edit(config);
    await project.write('misconfigured.yaml', toYaml(config));
    const before = sandbox.authorizations.length;
    for (const command of ['gate', 'collect', 'check']) {
      if (command === 'check' && fieldPath.startsWith('policy')) continue;
      const result = await run([command, '-c', 'misconfigured.yaml']);
      expect(result.code, `${command}: ${result.stderr}`).toBe(78);
      expect(result.stderr).toContain(fieldPath);
      expect(result.stderr).toContain('misconfigured.yaml');
      expect(result.stderr).not.toContain(CANARY);
    }
    expect(sandbox.authorizations.length).toBe(before);
  });
});

describe('output', () => {
  it('--progress writes plain lines to stderr when it is not a terminal; nothing without it', async () => {
    await project.write('progress.yaml', toYaml(prometheusConfig(sandbox.url, 'pass')));
    const quiet = await run(['collect', '-c', 'progress.yaml', '--json']);
    expect(quiet.stderr).toBe('');
    const shown = await run(['collect', '-c', 'progress.yaml', '--json', '--progress']);
    expect(shown.stderr).toContain('Collecting evidence: 0/1 done, starting\n');
    expect(shown.stderr).toContain('Collected evidence: 1/1 done\n');
    expect(shown.stderr).not.toContain('\u001b');
    JSON.parse(shown.stdout);
  });

  it('--verbose writes redacted runtime events to stderr', async () => {
    await project.write('verbose.yaml', toYaml(prometheusConfig(sandbox.url, 'reject')));
    const result = await run(['gate', '-c', 'verbose.yaml', '--json', '--verbose']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('request started');
    expect(`${result.stdout}${result.stderr}`).not.toContain(CANARY);
    JSON.parse(result.stdout);
  });

  it('the text report never says a word twice', async () => {
    await project.write('words.yaml', toYaml(prometheusConfig(sandbox.url, 'fail')));
    const result = await run(['gate', '-c', 'words.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Decision: FAIL');
    expect(result.stdout).not.toMatch(/\b(\w+)\b\W+\1:/i);
  });
});

describe('detect suggests a configuration that runs as printed', () => {
  it('in a git repository: references kept, the repository suggested, no secret printed', async () => {
    const directory = path.join(project.directory, 'repo');
    await mkdir(path.join(directory, '.github', 'workflows'), { recursive: true });
    execFileSync('git', ['init', '-q', directory]);
    execFileSync('git', [
      '-C',
      directory,
      'remote',
      'add',
      'origin',
      'https://github.com/acme/checkout.git',
    ]);
    await writeFile(
      path.join(directory, '.github', 'workflows', 'release.yml'),
      'on: push\njobs: {}\n',
    );
    await writeFile(path.join(directory, 'trivy-report.json'), '{"SchemaVersion": 2}');
    // The shell's `>` creates the file before detect runs: it must be passed over.
    await writeFile(path.join(directory, 'evidencekit.config.yaml'), '');
    const env = { GITHUB_TOKEN: CANARY };
    const detected = await run(['detect'], { cwd: directory, env });
    expect(detected.code, detected.stderr).toBe(0);
    expect(detected.stdout).toContain('token: env:GITHUB_TOKEN');
    expect(detected.stdout).toContain('repository: acme/checkout');
    expect(detected.stdout).not.toContain('[REDACTED]');
    expect(detected.stdout).not.toContain(CANARY);
    const yaml = detected.stdout.slice(
      detected.stdout.indexOf('# Suggested evidencekit.config.yaml'),
    );
    await writeFile(path.join(directory, 'evidencekit.config.yaml'), yaml);
    // It loads and validates: whatever the providers answer offline, it is not a configuration error.
    for (const command of ['gate', 'check']) {
      const result = await run([command, '--timeout-ms', '2000'], { cwd: directory, env });
      expect(result.stderr, command).not.toContain('configuration error');
      expect([0, 1, 2], `${command}: ${result.stderr}`).toContain(result.code);
      expect(`${result.stdout}${result.stderr}`).not.toContain(CANARY);
    }
  });
});
