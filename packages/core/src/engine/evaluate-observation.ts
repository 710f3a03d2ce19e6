import type { FactDefinitionV1 } from '../contract/v1/connector-metadata-v1';
import type { FactObservationV1 } from '../contract/v1/fact-observation-v1';
import { ThresholdSyntaxError } from '../errors/threshold-syntax-error';
import type { Fact, FactReason, FactSource } from '../evidence/evidence-schema';
import type {
  FactReasonCode,
  PendingReasonCode,
  UnavailableReasonCode,
} from '../evidence/fact-reason';
import { restoringActionOf } from '../evidence/restoring-action';
import { evaluateThreshold } from '../threshold/evaluate-threshold';
import type { ObservedValue } from '../threshold/observed-value';
import { parseThreshold } from '../threshold/parse-threshold';
import type { Threshold } from '../threshold/threshold';
import { describeOutOfRange } from './check-fact-range';
import { formatMeasurement } from './format-measurement';

/**
 * Turns what a connector observed into a fact: applies the threshold, the empty-result rule
 * and the default action. The only place a fact's status is decided from a value, so no
 * connector can pass a fact on its own.
 */
export function evaluateObservation(
  observation: FactObservationV1,
  definition: FactDefinitionV1,
  thresholdText: string = definition.defaultThreshold,
): Fact {
  const base = {
    name: observation.name,
    threshold: thresholdText,
    ...(observation.source === undefined ? {} : { source: observation.source }),
  };
  const withDetail = (message: string) =>
    observation.detail === undefined ? message : `${message} (${observation.detail})`;
  const notPassed = (
    status: Exclude<Fact['status'], 'passed'>,
    code: FactReasonCode,
    message: string,
    extra: Partial<Fact> = {},
  ): Fact => ({
    ...base,
    ...extra,
    status,
    reason: { code, message: withDetail(message) } satisfies FactReason,
    action: actionFor(status, code, definition),
  });

  switch (observation.kind) {
    case 'pending':
      return notPassed(
        'pending',
        observation.reason,
        observation.message,
        optionalValue(observation.value),
      );
    case 'failed':
      return notPassed('failed', observation.reason, observation.message, {
        value: observation.value,
      });
    case 'unavailable':
      return notPassed('unavailable', observation.reason, observation.message);
    case 'empty': {
      const rule = definition.whenEmpty ?? { status: 'unavailable' };
      if (rule.status === 'unavailable') {
        return notPassed('unavailable', 'no_data', 'the provider returned no data for this scope');
      }
      if (rule.status === 'passed') return { ...base, status: 'passed', value: rule.value };
      return notPassed(
        'failed',
        'threshold_breached',
        'an empty result counts as failed for this fact',
        {
          value: rule.value,
        },
      );
    }
    case 'measured':
    case 'word': {
      let threshold: Threshold;
      try {
        threshold = parseThreshold(thresholdText);
      } catch (error) {
        if (!ThresholdSyntaxError.isInstance(error)) throw error;
        return notPassed('unavailable', 'config', error.message);
      }
      const observed: ObservedValue =
        observation.kind === 'measured'
          ? { kind: 'measured', value: observation.value, unit: observation.unit }
          : { kind: 'word', value: observation.value };
      const display =
        observation.kind === 'measured'
          ? (observation.display ?? formatMeasurement(observation.value, observation.unit))
          : observation.value;
      if (observation.kind === 'measured' && !Number.isFinite(observation.value)) {
        return notPassed(
          'unavailable',
          'invalid_response',
          `the provider returned ${String(observation.value)}, which is not a measurement`,
        );
      }
      if (observation.kind === 'measured') {
        const outOfRange = describeOutOfRange(definition, observation.value, observation.unit);
        if (outOfRange !== undefined) {
          const query = observation.source?.query;
          return notPassed(
            'unavailable',
            'invalid_response',
            `the provider returned a value that cannot be right: ${outOfRange}${
              query === undefined ? '' : ` (query: ${query})`
            }`,
          );
        }
      }
      const measured: Partial<Fact> =
        observation.kind === 'measured'
          ? { value: display, measurement: { value: observation.value, unit: observation.unit } }
          : { value: display };
      const outcome = evaluateThreshold(threshold, observed);
      if (outcome.outcome === 'met') return { ...base, ...measured, status: 'passed' };
      if (outcome.outcome === 'not_met') {
        return notPassed(
          'failed',
          'threshold_breached',
          `${display} does not meet ${thresholdText}`,
          measured,
        );
      }
      return notPassed('unavailable', 'config', outcome.message, measured);
    }
  }
}

/** The catalog's action for a failure; for a fact that is not established, what restores it. */
function actionFor(
  status: Exclude<Fact['status'], 'passed'>,
  code: FactReasonCode,
  definition: FactDefinitionV1,
): string {
  if (status === 'failed') return definition.defaultAction;
  return restoringActionOf(code as UnavailableReasonCode | PendingReasonCode);
}

function optionalValue(value: string | undefined): Partial<Fact> {
  return value === undefined ? {} : { value };
}

/** Builds the `unavailable` fact used when a whole collection failed. */
export function unavailableFact(
  definition: FactDefinitionV1,
  code: UnavailableReasonCode,
  message: string,
  source?: FactSource,
): Fact {
  return {
    name: definition.name,
    status: 'unavailable',
    threshold: definition.defaultThreshold,
    reason: { code, message },
    action: restoringActionOf(code),
    ...(source === undefined ? {} : { source }),
  };
}
