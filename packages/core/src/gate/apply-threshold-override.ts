import type { Fact, FactReason } from '../evidence/evidence-schema';
import type { FactStatus } from '../evidence/fact-status';
import { evaluateThreshold } from '../threshold/evaluate-threshold';
import type { ObservedValue } from '../threshold/observed-value';
import { printThreshold } from '../threshold/print-threshold';
import type { Threshold } from '../threshold/threshold';

/** A policy threshold override, parsed; or why it could not be. */
export type ParsedThresholdOverride =
  | { ok: true; text: string; threshold: Threshold }
  | { ok: false; text: string; message: string };

/** A fact's status after an override. */
export interface OverriddenFact {
  status: FactStatus;
  reason?: FactReason;
  threshold: string;
  /** The override changed the verdict, so the connector's action may no longer fit. */
  rejudged: boolean;
}

/**
 * Re-judges a fact with the policy's threshold. Only verdicts a threshold made are re-judged:
 * `passed` facts and facts `failed` with `threshold_breached`. A failure the provider or an
 * operator reported stays failed, and an unavailable or pending fact is never turned into a
 * pass. A fact with a measurement is judged by its number, otherwise by its `value` as a word;
 * a threshold that cannot judge it, or an override that does not parse, makes it
 * `unavailable: config`.
 */
export function applyThresholdOverride(
  fact: Pick<Fact, 'status' | 'reason' | 'value' | 'measurement'>,
  override: ParsedThresholdOverride,
): OverriddenFact {
  if (!override.ok) {
    if (fact.status === 'failed') return keep(fact, override.text);
    return configProblem(
      override.text,
      `the gate policy's threshold override does not parse: ${override.message}`,
    );
  }
  const threshold = printThreshold(override.threshold);
  const judgedByThreshold =
    fact.status === 'passed' ||
    (fact.status === 'failed' && fact.reason?.code === 'threshold_breached');
  if (!judgedByThreshold) return keep(fact, threshold);

  const observed = observedValueOf(fact);
  if (observed === undefined) {
    return configProblem(
      threshold,
      `the fact has neither a measurement nor a value, so the override "${threshold}" cannot judge it`,
    );
  }
  const outcome = evaluateThreshold(override.threshold, observed);
  switch (outcome.outcome) {
    case 'met':
      return { status: 'passed', threshold, rejudged: fact.status !== 'passed' };
    case 'not_met':
      return {
        status: 'failed',
        reason: {
          code: 'threshold_breached',
          message: `${describeObserved(fact, observed)} is outside the threshold "${threshold}" (gate policy override)`,
        },
        threshold,
        rejudged: fact.status !== 'failed',
      };
    case 'incomparable':
      return configProblem(threshold, `the override cannot judge this fact: ${outcome.message}`);
  }
}

function observedValueOf(fact: Pick<Fact, 'value' | 'measurement'>): ObservedValue | undefined {
  if (fact.measurement !== undefined) {
    return { kind: 'measured', value: fact.measurement.value, unit: fact.measurement.unit };
  }
  if (fact.value !== undefined) return { kind: 'word', value: fact.value };
  return undefined;
}

function describeObserved(fact: Pick<Fact, 'value'>, observed: ObservedValue): string {
  if (fact.value !== undefined) return `the value ${JSON.stringify(fact.value)}`;
  return observed.kind === 'measured'
    ? `the value ${observed.value} ${observed.unit}`
    : `the value ${JSON.stringify(observed.value)}`;
}

function keep(fact: Pick<Fact, 'status' | 'reason'>, threshold: string): OverriddenFact {
  return {
    status: fact.status,
    ...(fact.reason === undefined ? {} : { reason: fact.reason }),
    threshold,
    rejudged: false,
  };
}

function configProblem(threshold: string, message: string): OverriddenFact {
  return { status: 'unavailable', reason: { code: 'config', message }, threshold, rejudged: true };
}
