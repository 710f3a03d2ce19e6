import { compareCodeUnits } from '../evidence/compare-code-units';
import { STATUS_SEVERITY_ORDER, statusSeverity } from '../evidence/fact-status';
import type { GateFinding } from './gate-decision';

/**
 * Orders findings by workspace, service, environment, connector and fact. Compares code
 * units, not locale rules, so the order is the same on every machine.
 */
export function compareFindingsByScope(left: GateFinding, right: GateFinding): number {
  return (
    compareText(left.workspaceId, right.workspaceId) ||
    compareText(left.service, right.service) ||
    compareText(left.environment, right.environment) ||
    compareText(left.connector, right.connector) ||
    compareText(left.fact, right.fact) ||
    compareText(left.reason?.message, right.reason?.message)
  );
}

/** Orders blocking findings: failed, then unavailable, then pending; then by scope. */
export function compareBlockingFindings(left: GateFinding, right: GateFinding): number {
  return (
    STATUS_SEVERITY_ORDER.indexOf(left.status) - STATUS_SEVERITY_ORDER.indexOf(right.status) ||
    compareFindingsByScope(left, right)
  );
}

/**
 * Orders candidate findings for the same fact, the one that wins first: the worst status;
 * among equals the most recently observed; then by content, so the choice never depends on
 * the order the records came in.
 */
export function compareCandidates(left: GateFinding, right: GateFinding): number {
  return (
    statusSeverity(right.status) - statusSeverity(left.status) ||
    observedTime(right) - observedTime(left) ||
    compareText(contentKey(left), contentKey(right))
  );
}

function observedTime(finding: GateFinding): number {
  const time = finding.observedAt === undefined ? Number.NaN : Date.parse(finding.observedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function contentKey(finding: GateFinding): string {
  return JSON.stringify([
    finding.reason?.code,
    finding.reason?.message,
    finding.value,
    finding.threshold,
    finding.action,
  ]);
}

/** Code-unit order, with an absent text sorting as the empty one. */
function compareText(left: string | undefined, right: string | undefined): number {
  return compareCodeUnits(left ?? '', right ?? '');
}
