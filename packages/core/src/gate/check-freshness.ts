import type { Freshness } from '../evidence/evidence-schema';

/**
 * How far in the future `observedAt` may be before the evidence is not trusted. Clocks of a
 * provider, a collector and the gate differ by seconds; evidence from minutes ahead means a
 * wrong clock or wrong data, and its age cannot be known, so it counts as stale.
 */
export const ALLOWED_CLOCK_SKEW_SECONDS = 60;

/**
 * Why evidence is too old (or dated too far in the future) to trust at `now`, or undefined
 * when it is fresh. The maximum age is the record's, or the policy's when that is stricter;
 * evidence exactly at its maximum age is still fresh. An unreadable `observedAt` or a record
 * `maxAgeSeconds` that is not a positive number makes the age unknown, which counts as stale.
 */
export function checkFreshness(
  freshness: Pick<Freshness, 'observedAt' | 'maxAgeSeconds'>,
  now: number,
  policyMaxAgeSeconds: number | undefined,
): string | undefined {
  const observedAt = Date.parse(freshness.observedAt);
  if (Number.isNaN(observedAt)) {
    return `observedAt ${JSON.stringify(freshness.observedAt)} is not a valid time, so its age is unknown`;
  }
  // Records can come from JSON that skipped the schema; NaN would make every age look fresh.
  if (!(Number.isFinite(freshness.maxAgeSeconds) && freshness.maxAgeSeconds > 0)) {
    return `maxAgeSeconds ${JSON.stringify(freshness.maxAgeSeconds) ?? 'undefined'} is not a positive number of seconds, so its freshness is unknown`;
  }
  const ageMilliseconds = now - observedAt;
  if (ageMilliseconds < -ALLOWED_CLOCK_SKEW_SECONDS * 1_000) {
    return (
      `observed ${formatSeconds(-ageMilliseconds)} in the future (${freshness.observedAt}), more ` +
      `than the allowed clock skew of ${ALLOWED_CLOCK_SKEW_SECONDS} s, so its age cannot be trusted`
    );
  }
  const policyIsStricter =
    policyMaxAgeSeconds !== undefined && policyMaxAgeSeconds < freshness.maxAgeSeconds;
  const maxAgeSeconds = policyIsStricter ? policyMaxAgeSeconds : freshness.maxAgeSeconds;
  if (ageMilliseconds > maxAgeSeconds * 1_000) {
    return (
      `observed ${formatSeconds(ageMilliseconds)} ago (${freshness.observedAt}), older than the ` +
      `maximum age of ${maxAgeSeconds} s${policyIsStricter ? ' set by the gate policy' : ''}`
    );
  }
  return undefined;
}

function formatSeconds(milliseconds: number): string {
  return `${Math.floor(milliseconds / 1_000)} s`;
}
