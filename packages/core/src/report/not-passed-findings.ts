import type { EvidenceRecord } from '../evidence/evidence-schema';
import type { GateFinding } from '../gate/gate-decision';
import { compareBlockingFindings } from '../gate/order-gate-findings';

/**
 * Every fact in the records that is not passed, as findings ordered like a gate's blocking list
 * (failed, unavailable, pending; then by scope). A record without facts counts as one
 * unavailable finding: nothing proven never looks like a pass. Used by reports when no gate was
 * evaluated.
 */
export function blockingFindingsFromRecords(records: readonly EvidenceRecord[]): GateFinding[] {
  const findings: GateFinding[] = [];
  for (const record of records) {
    const { workspaceId, service, environment } = record.scope;
    const base = {
      workspaceId,
      service,
      environment,
      connector: record.connector,
      observedAt: record.freshness.observedAt,
      key: false,
    };
    if (record.facts.length === 0) {
      findings.push({
        ...base,
        status: 'unavailable',
        reason: { code: 'no_data', message: `${record.connector} reported no facts` },
      });
    }
    for (const fact of record.facts) {
      if (fact.status === 'passed') continue;
      findings.push({
        ...base,
        fact: fact.name,
        status: fact.status,
        ...(fact.value === undefined ? {} : { value: fact.value }),
        ...(fact.threshold === undefined ? {} : { threshold: fact.threshold }),
        ...(fact.reason === undefined ? {} : { reason: fact.reason }),
        ...(fact.action === undefined ? {} : { action: fact.action }),
      });
    }
  }
  return findings.sort(compareBlockingFindings);
}
