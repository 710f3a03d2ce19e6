import {
  collectEvidence,
  configureConnector,
  createRuntime,
  type EvidenceRecord,
  evaluateGate,
  type GateDecision,
  parseGatePolicy,
} from '@evidencekit/core';
import { startSandboxStatusApi } from './sandbox-status-api';
import { statusApiConnector } from './status-api-connector';

/** Runs the example end to end and returns what it printed, the records and the decision. */
export async function runDemo(print: (line: string) => void = console.log): Promise<{
  records: EvidenceRecord[];
  decision: GateDecision;
}> {
  // The credential reaches the connector only as a reference; the runtime resolves it at request
  // time and registers it with the redactor so it cannot leak into evidence or logs.
  const token = 'demo-token-7f3a9c2e';
  process.env.STATUS_API_TOKEN = token;
  const sandbox = await startSandboxStatusApi(token);
  const runtime = createRuntime();
  try {
    const statusApi = configureConnector(statusApiConnector, {
      baseUrl: sandbox.baseUrl,
      token: 'env:STATUS_API_TOKEN',
    });
    const targets = ['checkout-api', 'payments-api'].map((service) => ({
      connector: statusApi,
      scope: { workspaceId: 'workspace-demo', service, environment: 'production' },
      selector: { service },
    }));

    const records: EvidenceRecord[] = [];
    for await (const record of collectEvidence({ targets, runtime })) {
      records.push(record);
      print(`${record.scope.service}: ${record.status}`);
      for (const fact of record.facts) {
        const reason =
          fact.reason === undefined ? '' : `  (${fact.reason.code}: ${fact.reason.message})`;
        print(
          `  ${fact.status.padEnd(11)} ${fact.name} = ${fact.value ?? '—'} [${fact.threshold}]${reason}`,
        );
      }
    }

    const policy = parseGatePolicy({
      environments: {
        production: {
          required: [
            { connector: 'status-api', fact: 'error_rate', key: true },
            { connector: 'status-api', fact: 'p95_latency' },
            { connector: 'status-api', fact: 'rollout_status' },
          ],
        },
      },
    });
    const decision = evaluateGate(records, policy, new Date());
    print('');
    print(`decision: ${decision.decision} — ${decision.summary}`);
    for (const finding of decision.blocking) {
      print(
        `  blocked by ${finding.service}/${finding.fact} (${finding.status}): ${finding.action ?? ''}`,
      );
    }
    return { records, decision };
  } finally {
    await runtime.close();
    await sandbox.close();
  }
}
