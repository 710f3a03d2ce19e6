import { EvidencekitError } from '../errors/evidencekit-error';
import type { UnavailableReasonCode } from '../evidence/fact-reason';
import type { Redactor } from '../runtime/redaction/redactor';
import { unavailableReasonOf } from './unavailable-reason-of';

/** Why a collection produced no facts, as an `unavailable` reason. */
export interface CollectionFailure {
  code: UnavailableReasonCode;
  message: string;
}

/**
 * Maps anything a connector threw to an `unavailable` reason. Typed Evidencekit errors say
 * their own reason; anything else is a `connector_error`. Messages are redacted here because
 * a connector's own error text may quote a request.
 */
export function errorToReason(error: unknown, redactor: Redactor): CollectionFailure {
  if (EvidencekitError.isInstance(error)) {
    const code = error.reason === 'cancelled' ? 'cancelled' : unavailableReasonOf(error);
    return { code: code ?? 'connector_error', message: redactor.redactText(error.message) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'connector_error',
    message: redactor.redactText(`the connector failed unexpectedly: ${message}`),
  };
}
