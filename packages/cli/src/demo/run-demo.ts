import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  collectEvidence,
  configureConnector,
  type EvidenceRecord,
  type EvidenceScope,
  type EvidenceTarget,
  evaluateGate,
  ingestEvidence,
  parseGatePolicy,
  renderJsonReport,
  renderMarkdownReport,
} from '@evidencekit/core';
import type { CliSession } from '../cli-session';
import { cannotCreateError } from '../errors/usage-error';
import { createProgressDisplay } from '../output/progress-display';
import { startDemoSandbox } from './demo-sandbox';
import { DEMO_POLICY_INPUT, DEMO_SCOPE, DEMO_SERVICES, type DemoService } from './demo-services';
import { demoTrivyReport } from './demo-trivy-report';
import type { DemoServiceResult } from './render-demo-passport';

/** The environment variable the demo keeps its sandbox token in, referenced as `env:…`. */
export const DEMO_TOKEN_VARIABLE = 'EVIDENCEKIT_DEMO_TOKEN';

/** What a demo run produced. */
export interface DemoRun {
  /** Where the sandbox listened. */
  sandboxUrl: string;
  /** Each service's records and decision, in the order of `DEMO_SERVICES`. */
  results: DemoServiceResult[];
  /** The report files written, absolute. */
  files: string[];
}

// Far above what a loopback answer takes, far below what would make the demo feel stuck.
const demoTimeoutMs = 10_000;

/**
 * Runs the demo: starts the sandbox, collects Prometheus evidence over HTTP through the real
 * connector and runtime, ingests each service's Trivy report as a CI upload, evaluates the
 * gate per service and writes a JSON and a Markdown report per service into
 * `outputDirectory`. The sandbox token lives only in the session's environment, referenced as
 * `env:EVIDENCEKIT_DEMO_TOKEN` and registered with the redactor.
 *
 * @throws CliError (cannot_create) when the reports cannot be written.
 */
export async function runDemo(
  session: CliSession,
  options: { outputDirectory: string },
): Promise<DemoRun> {
  // A token the host sets is kept, so a test can prove its value never shows.
  const token = session.io.env[DEMO_TOKEN_VARIABLE] ?? `demo-${randomBytes(16).toString('hex')}`;
  session.addInlineSecrets({ [DEMO_TOKEN_VARIABLE]: token });

  // Loaded on demand: the programmatic entry of the CLI should not load connectors it never uses.
  const [{ prometheusConnector }, { trivyConnector }] = await Promise.all([
    import('@evidencekit/prometheus'),
    import('@evidencekit/trivy'),
  ]);
  const sandbox = await startDemoSandbox({ token, services: DEMO_SERVICES });
  const prometheus = configureConnector(prometheusConnector, {
    baseUrl: sandbox.prometheusUrl,
    auth: { type: 'bearer', token: `env:${DEMO_TOKEN_VARIABLE}` },
  });
  const trivy = configureConnector(trivyConnector, {});
  const scopeOf = (service: DemoService): EvidenceScope => ({
    workspaceId: DEMO_SCOPE.workspaceId,
    service: service.name,
    environment: DEMO_SCOPE.environment,
    release: service.release,
  });

  const runtime = session.createRuntime();
  const progress = createProgressDisplay(session.io.stderr, {
    mode: 'auto',
    total: DEMO_SERVICES.length,
    redact: (text) => session.redactor.redactText(text),
  });
  const records: EvidenceRecord[] = [];
  try {
    const targets: EvidenceTarget[] = DEMO_SERVICES.map((service) => ({
      connector: prometheus,
      scope: scopeOf(service),
      selector: { facts: ['error_rate', 'p95_latency', 'request_volume'] },
    }));
    for await (const record of collectEvidence({
      targets,
      runtime,
      timeoutMs: demoTimeoutMs,
      onProgress: (update) => progress.update(update),
    })) {
      records.push(record);
    }
    const reportTime = new Date();
    for (const service of DEMO_SERVICES) {
      records.push(
        await ingestEvidence(trivy, {
          scope: scopeOf(service),
          payload: demoTrivyReport(service, reportTime),
          runtime,
          timeoutMs: demoTimeoutMs,
        }),
      );
    }
  } finally {
    progress.stop();
    await runtime.close();
    await sandbox.close();
  }

  const policy = parseGatePolicy(DEMO_POLICY_INPUT);
  const now = new Date();
  const results = DEMO_SERVICES.map((service): DemoServiceResult => {
    const own = records
      .filter((record) => record.scope.service === service.name)
      .sort((left, right) => left.connector.localeCompare(right.connector));
    return { service, records: own, decision: evaluateGate(own, policy, now) };
  });
  const files = await writeDemoReports(session, options.outputDirectory, results);
  return { sandboxUrl: sandbox.url, results, files };
}

async function writeDemoReports(
  session: CliSession,
  directory: string,
  results: readonly DemoServiceResult[],
): Promise<string[]> {
  const { redactor } = session;
  const files: string[] = [];
  try {
    await mkdir(directory, { recursive: true });
    for (const { service, records, decision } of results) {
      const input = { records, decision, redactor };
      const reports = [
        [`${service.name}.json`, renderJsonReport(input)],
        [
          `${service.name}.md`,
          renderMarkdownReport({ ...input, title: `${service.name} ${service.release.version}` }),
        ],
      ] as const;
      for (const [name, text] of reports) {
        const file = path.join(directory, name);
        await writeFile(file, redactor.redactText(text), 'utf8');
        files.push(file);
      }
    }
  } catch (error) {
    throw cannotCreateError(
      `Cannot write the demo reports to ${directory}: ${(error as Error).message}`,
      error,
    );
  }
  return files;
}
