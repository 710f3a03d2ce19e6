import type { FactStatus } from './fact-status';

/**
 * The closed set of reasons a fact is not `passed`, grouped by the status they explain.
 * Hosts can switch on these codes; new codes are a minor, documented change.
 */
export const FACT_REASONS = {
  failed: {
    threshold_breached: 'the measured value is outside the threshold',
    provider_failed: 'the provider itself reports a failure (a failed job, a degraded app)',
    manual: 'an operator recorded this fact as failed',
  },
  pending: {
    in_progress:
      'the provider is still working (a run is queued or running, a rollout is progressing)',
    awaiting_approval: 'the provider is waiting for a person to approve',
  },
  unavailable: {
    no_data: 'the provider returned no data for this scope',
    stale: 'the evidence is older than its maximum age',
    auth: 'the credential was rejected (401)',
    forbidden: 'the credential lacks a permission (403)',
    not_found: 'the scoped resource does not exist (404)',
    rate_limited: 'the provider rate limit would need a longer wait than allowed',
    timeout: 'the provider did not answer within the deadline',
    transient: 'the provider failed in a way that may pass on a later try (5xx, reset)',
    cancelled: 'collection was aborted',
    config: 'the configuration cannot work (bad field, bad threshold, unknown query)',
    invalid_response: 'the provider answered with something the connector cannot read',
    scope: 'the target scope is broader or different than the connector allows',
    connector_error: 'the connector failed unexpectedly',
  },
} as const satisfies Record<Exclude<FactStatus, 'passed'>, Record<string, string>>;

/** A reason a fact is `failed`. */
export type FailedReasonCode = keyof (typeof FACT_REASONS)['failed'];
/** A reason a fact is `pending`. */
export type PendingReasonCode = keyof (typeof FACT_REASONS)['pending'];
/** A reason a fact is `unavailable`. */
export type UnavailableReasonCode = keyof (typeof FACT_REASONS)['unavailable'];
/** Any fact reason code, from the one closed set. */
export type FactReasonCode = FailedReasonCode | PendingReasonCode | UnavailableReasonCode;

/** Every reason a fact can be `failed`. */
export const FAILED_REASON_CODES = Object.keys(FACT_REASONS.failed) as FailedReasonCode[];
/** Every reason a fact can be `pending`. */
export const PENDING_REASON_CODES = Object.keys(FACT_REASONS.pending) as PendingReasonCode[];
/** Every reason a fact can be `unavailable`. */
export const UNAVAILABLE_REASON_CODES = Object.keys(
  FACT_REASONS.unavailable,
) as UnavailableReasonCode[];
/** Every fact reason code. */
export const FACT_REASON_CODES: readonly FactReasonCode[] = [
  ...FAILED_REASON_CODES,
  ...PENDING_REASON_CODES,
  ...UNAVAILABLE_REASON_CODES,
];

/** The status a reason code explains. */
export function statusOfReason(code: FactReasonCode): Exclude<FactStatus, 'passed'> {
  if ((FAILED_REASON_CODES as readonly string[]).includes(code)) return 'failed';
  if ((PENDING_REASON_CODES as readonly string[]).includes(code)) return 'pending';
  return 'unavailable';
}
