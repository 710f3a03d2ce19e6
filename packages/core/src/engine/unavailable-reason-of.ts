import { EvidencekitError } from '../errors/evidencekit-error';
import { UNAVAILABLE_REASON_CODES, type UnavailableReasonCode } from '../evidence/fact-reason';

/**
 * The `unavailable` reason a typed Evidencekit error stands for (`auth`, `rate_limited`,
 * `invalid_response`…), or undefined when the error is not one: an untyped error, a
 * cancellation, or a reason that is not about availability.
 *
 * Connectors use it when one fact's request fails but other facts can still be reported: the
 * fact becomes `unavailable` with this reason, and anything else propagates to the engine.
 *
 * @example
 * ```ts
 * } catch (error) {
 *   const reason = unavailableReasonOf(error);
 *   if (reason === undefined) throw error;
 *   return { name: 'required_jobs_passed', kind: 'unavailable', reason, message: error.message };
 * }
 * ```
 */
export function unavailableReasonOf(
  error: unknown,
): Exclude<UnavailableReasonCode, 'cancelled'> | undefined {
  if (!EvidencekitError.isInstance(error) || error.reason === 'cancelled') return undefined;
  return (UNAVAILABLE_REASON_CODES as readonly string[]).includes(error.reason)
    ? (error.reason as Exclude<UnavailableReasonCode, 'cancelled'>)
    : undefined;
}
