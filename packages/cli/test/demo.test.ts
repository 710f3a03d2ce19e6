import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BinaryRun, runBinary } from './support/run-binary';
import { CANARY, createTemporaryProject, type TemporaryProject } from './support/temporary-project';

const evidenceSchemaPath = path.resolve(import.meta.dirname, '../../core/schema/evidence-v1.json');
const reportNames = ['checkout.json', 'checkout.md', 'payments.json', 'payments.md'];

interface JsonReport {
  records: Array<{ connector: string; scope: { service: string } }>;
  decision: { decision: string; blocking: Array<{ connector: string; fact: string }> };
}

let project: TemporaryProject;
let run: BinaryRun;
let outputDirectory: string;

/** The part of the passport between a service's heading and the next blank line. */
function passportOf(stdout: string, service: string): string {
  const start = stdout.search(new RegExp(`^${service} \\d`, 'm'));
  expect(start, `no passport for ${service} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n\n', start);
  return stdout.slice(start, end === -1 ? undefined : end);
}

beforeAll(async () => {
  project = await createTemporaryProject();
  outputDirectory = path.join(project.directory, 'reports');
  // The demo keeps a token the environment gives it: the canary proves its value never shows.
  run = await runBinary(['demo', '--output-dir', 'reports'], {
    cwd: project.directory,
    env: { EVIDENCEKIT_DEMO_TOKEN: CANARY },
  });
});
afterAll(async () => {
  await project.remove();
});

describe('evidencekit demo', () => {
  it('exits 0 although one service is blocked: the decisions are the demo, not its result', () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it('shows a passing passport for checkout', () => {
    const passport = passportOf(run.stdout, 'checkout');
    expect(passport).toContain('Decision: PASS');
    expect(passport).toMatch(/prometheus\s+error_rate\s+passed\s+0\.12%\s+< 1%/);
    expect(passport).toMatch(/trivy\s+critical_vulnerabilities\s+passed\s+0\s+== 0/);
    expect(passport).not.toMatch(/\bfailed\b/);
  });

  it('blocks payments on the Prometheus error rate and the critical CVE, with actions', () => {
    const passport = passportOf(run.stdout, 'payments');
    expect(passport).toContain('Decision: FAIL');
    expect(passport).toMatch(/prometheus\s+error_rate\s+failed\s+4\.7%\s+< 1%/);
    expect(passport).toMatch(/trivy\s+critical_vulnerabilities\s+failed\s+1\s+== 0/);
    expect(passport).toContain('✗ prometheus error_rate: failed 4.7% (threshold < 1%)');
    expect(passport).toContain('✗ trivy critical_vulnerabilities: failed 1 (threshold == 0)');
    expect(passport).toContain('CVE-2024-45337');
    expect(passport.match(/^ {6}action: \S/gm)).toHaveLength(2);
  });

  it('shows the credential as a reference and its value masked', () => {
    expect(run.stdout).toContain('env:EVIDENCEKIT_DEMO_TOKEN');
    expect(run.stdout).toContain('Bearer [REDACTED]');
  });

  it('says where the reports are', () => {
    expect(run.stdout).toContain('Reports in ./reports/');
    for (const name of reportNames) expect(run.stdout).toContain(name);
  });

  it('writes JSON reports whose records validate against the evidence JSON Schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(evidenceSchemaPath, 'utf8')));
    const expected = {
      checkout: { decision: 'pass', blocking: [] },
      payments: {
        decision: 'fail',
        blocking: [
          { connector: 'prometheus', fact: 'error_rate' },
          { connector: 'trivy', fact: 'critical_vulnerabilities' },
        ],
      },
    };
    for (const [service, outcome] of Object.entries(expected)) {
      const report = JSON.parse(
        await readFile(path.join(outputDirectory, `${service}.json`), 'utf8'),
      ) as JsonReport;
      expect(report.records.map((record) => record.connector).sort()).toEqual([
        'prometheus',
        'trivy',
      ]);
      for (const record of report.records) {
        expect(record.scope.service).toBe(service);
        expect(validate(record), ajv.errorsText(validate.errors)).toBe(true);
      }
      expect(report.decision.decision).toBe(outcome.decision);
      expect(report.decision.blocking.map(({ connector, fact }) => ({ connector, fact }))).toEqual(
        outcome.blocking,
      );
    }
  });

  it('writes Markdown reports headed by each decision', async () => {
    const checkout = await readFile(path.join(outputDirectory, 'checkout.md'), 'utf8');
    const payments = await readFile(path.join(outputDirectory, 'payments.md'), 'utf8');
    expect(checkout).toMatch(/^## checkout 2\.14\.0: pass$/m);
    expect(payments).toMatch(/^## payments 3\.2\.0: fail$/m);
    expect(payments).toContain('CVE-2024-45337');
  });

  it('never shows the token value on stdout, stderr or in a report', async () => {
    const reports = await Promise.all(
      reportNames.map((name) => readFile(path.join(outputDirectory, name), 'utf8')),
    );
    for (const text of [run.stdout, run.stderr, ...reports]) expect(text).not.toContain(CANARY);
  });
});

describe('evidencekit demo output folder', () => {
  it('writes into ./evidencekit-demo of the current folder by default', async () => {
    const folder = await createTemporaryProject();
    try {
      const defaultRun = await runBinary(['demo'], { cwd: folder.directory });
      expect(defaultRun.code, defaultRun.stderr).toBe(0);
      expect(defaultRun.stdout).toContain('Reports in ./evidencekit-demo/');
      for (const name of reportNames) {
        expect(existsSync(path.join(folder.directory, 'evidencekit-demo', name))).toBe(true);
      }
    } finally {
      await folder.remove();
    }
  });

  it('exits 73 when the reports cannot be written, so a broken demo is never a success', async () => {
    const folder = await createTemporaryProject();
    try {
      await folder.write('occupied', 'a file where the report folder should go');
      const blocked = await runBinary(['demo', '--output-dir', 'occupied'], {
        cwd: folder.directory,
      });
      expect(blocked.code).toBe(73);
      expect(blocked.stderr).toContain('Cannot write the demo reports');
    } finally {
      await folder.remove();
    }
  });
});
