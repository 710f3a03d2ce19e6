/** The status of one fact. */
export const FACT_STATUSES = ['passed', 'failed', 'pending', 'unavailable'] as const;
/** The status of one fact: `passed`, `failed`, `pending` or `unavailable`. */
export type FactStatus = (typeof FACT_STATUSES)[number];

/**
 * Statuses worst first. A roll-up is the worst status present, so an error, missing data or a
 * wait can never hide behind other facts that passed.
 */
export const STATUS_SEVERITY_ORDER: readonly FactStatus[] = [
  'failed',
  'unavailable',
  'pending',
  'passed',
];

/** Higher is worse. */
export function statusSeverity(status: FactStatus): number {
  return STATUS_SEVERITY_ORDER.length - STATUS_SEVERITY_ORDER.indexOf(status);
}

/** The worse of two statuses. */
export function worseStatus(left: FactStatus, right: FactStatus): FactStatus {
  return statusSeverity(left) >= statusSeverity(right) ? left : right;
}
