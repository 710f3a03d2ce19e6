import type { GateDecision } from '@evidencekit/core';

/**
 * The decision's summary without its leading outcome (`fail: 2 of 6 required facts passed…`
 * → `2 of 6 required facts passed…`), for lines that already print the outcome, so no line
 * says it twice ("FAIL — fail: …").
 */
export function summaryAfterOutcome(decision: Pick<GateDecision, 'decision' | 'summary'>): string {
  const prefix = `${decision.decision}: `;
  return decision.summary.startsWith(prefix)
    ? decision.summary.slice(prefix.length)
    : decision.summary;
}
