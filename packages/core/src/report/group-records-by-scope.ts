import { compareCodeUnits } from '../evidence/compare-code-units';
import type { EvidenceRecord } from '../evidence/evidence-schema';

/** The records of one workspace, service and environment. */
export interface ScopeGroup {
  workspaceId: string;
  service: string;
  environment: string;
  /** Ordered by connector, then by observation time, then by content. */
  records: EvidenceRecord[];
}

/**
 * Groups records by workspace, service and environment, in code-unit order, so a report is the
 * same whatever order the records came in.
 */
export function groupRecordsByScope(records: readonly EvidenceRecord[]): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const record of records) {
    const { workspaceId, service, environment } = record.scope;
    const key = JSON.stringify([workspaceId, service, environment]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { workspaceId, service, environment, records: [] };
      groups.set(key, group);
    }
    group.records.push(record);
  }
  const sorted = [...groups.values()].sort(
    (left, right) =>
      compareCodeUnits(left.workspaceId, right.workspaceId) ||
      compareCodeUnits(left.service, right.service) ||
      compareCodeUnits(left.environment, right.environment),
  );
  for (const group of sorted) {
    group.records.sort(
      (left, right) =>
        compareCodeUnits(left.connector, right.connector) ||
        compareCodeUnits(left.freshness.observedAt, right.freshness.observedAt) ||
        compareCodeUnits(JSON.stringify(left), JSON.stringify(right)),
    );
  }
  return sorted;
}
