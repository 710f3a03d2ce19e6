import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evidencekitConfigSchema } from '@evidencekit/cli';
import { prometheusConnector } from '@evidencekit/prometheus';
import { trivyConnector } from '@evidencekit/trivy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { type PrometheusSandbox, startPrometheusSandbox } from './support/prometheus-sandbox';
import { runEvidencekit } from './support/run-evidencekit';
import { cleanTrivyReport } from './support/trivy-report';

const exampleDirectory = path.resolve(import.meta.dirname, '..');
const workflowText = readFileSync(
  path.join(exampleDirectory, '.github/workflows/release-gate.yml'),
  'utf8',
);
const configText = readFileSync(path.join(exampleDirectory, 'evidencekit.config.yaml'), 'utf8');

interface WorkflowStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: unknown;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
}

const workflow = parseYaml(workflowText) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
/** `${{ inner }}`: a GitHub Actions expression, as written in the workflow. */
const githubExpression = (inner: string) => `${'$'}{{ ${inner} }}`;
const stepNamed = (name: string): WorkflowStep => {
  const step = steps.find((candidate) => candidate.name === name);
  expect(step, `no step "${name}" in the workflow`).toBeDefined();
  return step as WorkflowStep;
};
const stepUsing = (action: string): WorkflowStep => {
  const step = steps.find((candidate) => candidate.uses?.startsWith(`${action}@`));
  expect(step, `no step uses ${action}`).toBeDefined();
  return step as WorkflowStep;
};

// The commands the workflow runs, word for word; the test runs the same ones.
const collectCommand = [
  'collect',
  '--config',
  'evidencekit.config.yaml',
  '--json',
  '--output',
  'evidence.json',
];
const junitGateCommand = [
  'gate',
  '--config',
  'evidencekit.config.yaml',
  '--records',
  'evidence.json',
  '--format',
  'junit',
  '--output',
  'evidencekit-junit.xml',
];
const markdownGateCommand = [
  'gate',
  '--config',
  'evidencekit.config.yaml',
  '--records',
  'evidence.json',
  '--format',
  'markdown',
  '--output',
  'evidencekit-report.md',
];

describe('the release-gate workflow', () => {
  it('runs collect, then gate for JUnit and for Markdown, exactly as this test does', () => {
    const runs = steps.map((step) => step.run ?? '').join('\n');
    for (const command of [collectCommand, junitGateCommand, markdownGateCommand]) {
      expect(runs).toContain(`npx evidencekit ${command.join(' ')}`);
    }
  });

  it('turns exit 0, 1 and 2 into pass, fail and hold, and stops on any other code', () => {
    const gate = stepNamed('Gate the release');
    expect(gate.run).toContain('set +e');
    for (const line of ['0) decision=pass', '1) decision=fail', '2) decision=hold']) {
      expect(gate.run).toContain(line);
    }
    expect(gate.run).toMatch(/\*\)[\s\S]*exit "\$code"/);
    const enforce = stepNamed('Enforce the decision');
    expect(enforce.run).toMatch(/fail\)[^\n]*exit 1/);
    expect(enforce.run).toMatch(/hold\)[^\n]*exit 2/);
    expect(enforce.run).toMatch(/pass\)[^\n;]*;;/);
  });

  it('publishes the JUnit file and the Markdown comment even when the gate blocks', () => {
    const junit = stepUsing('mikepenz/action-junit-report');
    expect(junit.with?.report_paths).toBe('evidencekit-junit.xml');
    expect(junit.if).toContain('always()');
    const comment = stepUsing('marocchino/sticky-pull-request-comment');
    expect(comment.with?.path).toBe('evidencekit-report.md');
    expect(comment.if).toContain('always()');
    expect(workflow.permissions).toMatchObject({ 'pull-requests': 'write', checks: 'write' });
  });

  it('hands secrets to the CLI only through the environment, never on a command line', () => {
    for (const step of steps) expect(step.run ?? '').not.toContain('secrets.');
    const collect = stepNamed('Collect release evidence');
    expect(collect.env?.PROMETHEUS_TOKEN).toBe(githubExpression('secrets.PROMETHEUS_TOKEN'));
  });

  it('scans the released image by digest into the report the configuration reads', () => {
    const trivy = stepUsing('aquasecurity/trivy-action');
    expect(trivy.with).toMatchObject({ format: 'json', output: 'trivy-report.json' });
    expect(String(trivy.with?.['image-ref'])).toContain(
      `@${githubExpression('steps.image.outputs.digest')}`,
    );
  });
});

describe('evidencekit.config.yaml', () => {
  const raw = parseYaml(configText) as unknown;

  it('is a valid CLI configuration', () => {
    const parsed = evidencekitConfigSchema.safeParse(raw);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('holds secret references only', () => {
    const credentials: string[] = [];
    const visit = (value: unknown, key: string) => {
      if (typeof value === 'string' && /token|password|secret|key$/i.test(key))
        credentials.push(value);
      else if (typeof value === 'object' && value !== null)
        for (const [name, item] of Object.entries(value)) visit(item, name);
    };
    visit(raw, '');
    expect(credentials).toEqual(['env:PROMETHEUS_TOKEN']);
  });

  it('requires only facts its connectors can produce', () => {
    const config = evidencekitConfigSchema.parse(raw);
    const catalogs: Record<string, readonly string[]> = {
      '@evidencekit/prometheus': prometheusConnector.metadata.facts.map((fact) => fact.name),
      '@evidencekit/trivy': trivyConnector.metadata.facts.map((fact) => fact.name),
    };
    const connectorIds: Record<string, string> = {
      '@evidencekit/prometheus': prometheusConnector.metadata.id,
      '@evidencekit/trivy': trivyConnector.metadata.id,
    };
    const required = Object.values(config.policy?.environments ?? {}).flatMap(
      (environment) => environment.required,
    );
    expect(required.length).toBeGreaterThan(0);
    for (const fact of required) {
      const entry = Object.values(config.connectors).find(
        (candidate) => connectorIds[candidate.use] === fact.connector,
      );
      expect(entry, `no connector instance for ${fact.connector}`).toBeDefined();
      expect(catalogs[entry?.use ?? '']).toContain(fact.fact);
    }
  });
});

describe('the gate against a loopback Prometheus and a Trivy report', () => {
  const token = 'ci-gate-canary-3c8e1f5a9d';
  const image = 'ghcr.io/acme/checkout';
  const digest = 'sha256:6a1f0c9e8b7d2f3a5c6e1b0d9f8a7c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f4a';
  let sandbox: PrometheusSandbox;
  const folders: string[] = [];

  beforeAll(async () => {
    sandbox = await startPrometheusSandbox(token);
  });
  afterAll(async () => {
    await sandbox.close();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it.each([
    { mode: 'pass', code: 0, decision: 'pass', failureTypes: [] },
    { mode: 'fail', code: 1, decision: 'fail', failureTypes: ['failed'] },
    // The unproven fact is unavailable; the decision itself shows as pending (hold).
    { mode: 'empty', code: 2, decision: 'hold', failureTypes: ['pending', 'unavailable'] },
  ] as const)(
    'exits $code ($decision) when Prometheus answers "$mode", with JUnit and Markdown reports',
    async ({ mode, code, decision, failureTypes }) => {
      const folder = await mkdtemp(path.join(tmpdir(), 'evidencekit-ci-gate-'));
      folders.push(folder);
      // A copy of the example's configuration, pointed at the sandbox; nothing else changes.
      const config = parseYaml(configText) as {
        connectors: { prometheus: { settings: { baseUrl: string } } };
      };
      config.connectors.prometheus.settings.baseUrl = `${sandbox.url}/${mode}`;
      await writeFile(path.join(folder, 'evidencekit.config.yaml'), stringifyYaml(config));
      await writeFile(
        path.join(folder, 'trivy-report.json'),
        JSON.stringify(cleanTrivyReport({ image, digest, createdAt: new Date() })),
      );
      const options = { cwd: folder, env: { PROMETHEUS_TOKEN: token } };

      const collected = await runEvidencekit(
        [
          ...collectCommand,
          '--commit',
          '3f9c2ab7e41d08c6b5a9f2e1d7c4b3a6e8f0d1c2',
          '--artifact-digest',
          digest,
        ],
        options,
      );
      expect(collected.code, collected.stderr).toBe(0);
      const gated = await runEvidencekit(junitGateCommand, options);
      expect(gated.code, gated.stderr).toBe(code);
      const commented = await runEvidencekit(markdownGateCommand, options);
      expect(commented.code, commented.stderr).toBe(code);

      const junit = await readFile(path.join(folder, 'evidencekit-junit.xml'), 'utf8');
      expect(junit).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
      expect(junit).toContain('<testsuite name="release gate"');
      // Each fact is one test case, in its service's suite; the gate suite adds the decision.
      expect(
        junit.match(/<testcase classname="checkout\/production\/prometheus" name="error_rate"/g),
      ).toHaveLength(1);
      expect(junit).toContain('<testcase classname="release gate" name="decision"');
      const types = [...junit.matchAll(/<failure [^>]*type="([a-z]+)"/g)].map((match) => match[1]);
      expect([...new Set(types)].sort()).toEqual([...failureTypes]);

      const markdown = await readFile(path.join(folder, 'evidencekit-report.md'), 'utf8');
      expect(markdown).toMatch(new RegExp(`^## Release evidence: ${decision}$`, 'm'));

      const outputs = [collected, gated, commented].flatMap((run) => [run.stdout, run.stderr]);
      const files = await Promise.all(
        ['evidence.json', 'evidencekit-junit.xml', 'evidencekit-report.md'].map((name) =>
          readFile(path.join(folder, name), 'utf8'),
        ),
      );
      for (const text of [...outputs, ...files]) expect(text).not.toContain(token);
      expect(existsSync(path.join(folder, 'evidence.json'))).toBe(true);
    },
  );
});
