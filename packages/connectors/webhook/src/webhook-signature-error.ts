import { EvidencekitError } from '@evidencekit/core/connector';

const marker = Symbol.for('evidencekit.error.webhook-signature');

/** Which check of a signed payload failed. */
export type WebhookSignatureCheck =
  | 'signature_missing'
  | 'signature_malformed'
  | 'signature_mismatch'
  | 'timestamp_missing'
  | 'timestamp_malformed'
  | 'timestamp_stale'
  | 'timestamp_future';

/**
 * A payload whose signature or timestamp does not verify. Its facts become `unavailable: auth`.
 * The message says which check failed and never contains the secret or the expected signature.
 */
export class WebhookSignatureError extends EvidencekitError {
  readonly [marker] = true;
  readonly check: WebhookSignatureCheck;

  constructor(options: { check: WebhookSignatureCheck; message: string }) {
    super({
      name: 'WebhookSignatureError',
      code: 'webhook_signature',
      reason: 'auth',
      message: `The webhook payload was refused: ${options.message}`,
    });
    this.check = options.check;
  }

  /** True for this error from any copy of the package. */
  static override isInstance(error: unknown): error is WebhookSignatureError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
