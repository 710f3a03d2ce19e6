import { ALLOWED_CLOCK_SKEW_SECONDS, type FactObservationV1 } from '@evidencekit/core/connector';
import { FACT_READINGS } from './fact-readings';
import type { PrometheusFactName } from './prometheus-facts';

// Twelve significant digits drop binary noise from unit scaling (0.0042 × 100 is
// 0.42000000000000004) and keep every digit a metric can meaningfully carry.
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Turns the number a fact's query returned into the fact's measurement: scaled into the unit
 * its threshold is written in, or, for `last_sample_age`, the seconds between the newest
 * sample and `now`. A sample dated further in the future than the allowed clock skew cannot
 * have an age and is refused.
 *
 * @param value - The query's number, in the base unit the fact's reading declares.
 * @param now - The collection clock.
 */
export function measureFact(
  name: PrometheusFactName,
  value: number,
  now: Date,
): FactObservationV1<PrometheusFactName> {
  const reading = FACT_READINGS[name];
  if (reading.kind === 'scale') {
    return { name, kind: 'measured', value: clean(value * reading.factor), unit: reading.unit };
  }
  const ageSeconds = now.getTime() / 1000 - value;
  if (ageSeconds < -ALLOWED_CLOCK_SKEW_SECONDS) {
    return {
      name,
      kind: 'unavailable',
      reason: 'invalid_response',
      message: `the newest sample is dated ${Math.round(-ageSeconds)} s after the collection time, more than the ${ALLOWED_CLOCK_SKEW_SECONDS} s of clock skew allowed; check the clocks, and that the query returns ${reading.returns}`,
    };
  }
  // Within the allowed skew a sample "from the future" is simply fresh.
  return { name, kind: 'measured', value: clean(Math.max(0, ageSeconds)), unit: reading.unit };
}
