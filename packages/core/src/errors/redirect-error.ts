import { ApiCallError, type ApiCallErrorOptions } from './api-call-error';
import { hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.redirect');

/** Why a redirect was not followed. */
export type RedirectFailureKind = 'loop' | 'too_many' | 'cross_origin' | 'not_allowed';

/**
 * A redirect could not be followed: it loops, there are too many, it leaves the provider's
 * origin (credentials must not follow it), or the method may not be redirected.
 */
export class RedirectError extends ApiCallError {
  readonly [marker] = true;
  readonly kind: RedirectFailureKind;
  /** Redacted URLs visited, in order. */
  readonly chain: readonly string[];

  constructor(
    options: Omit<ApiCallErrorOptions, 'reason' | 'isRetryable'> & {
      kind: RedirectFailureKind;
      chain: string[];
    },
  ) {
    super({
      name: 'RedirectError',
      code: 'redirect_error',
      ...options,
      reason: 'invalid_response',
      isRetryable: false,
    });
    this.kind = options.kind;
    this.chain = options.chain;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, chain: this.chain };
  }

  static override isInstance(error: unknown): error is RedirectError {
    return hasMarker(error, marker);
  }
}
