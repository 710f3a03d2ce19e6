import { ApiCallError, type ApiCallErrorOptions } from './api-call-error';
import { hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.invalid-response');

/** One place where a response did not match the expected schema. */
export interface ResponseIssue {
  /** Dotted path inside the body, e.g. `workflow_runs.0.status`, or `(root)`. */
  path: string;
  message: string;
}

/**
 * The provider answered, but with something the connector cannot read: a body that is not
 * JSON, or JSON that does not match the connector's schema. Never retried; the fact becomes
 * `unavailable: invalid_response`.
 */
export class InvalidResponseError extends ApiCallError {
  readonly [marker] = true;
  /** Schema mismatches, with their paths; empty when the body was not JSON at all. */
  readonly issues: readonly ResponseIssue[];

  constructor(
    options: Omit<ApiCallErrorOptions, 'reason' | 'isRetryable'> & { issues?: ResponseIssue[] },
  ) {
    super({
      name: 'InvalidResponseError',
      code: 'invalid_response',
      ...options,
      reason: 'invalid_response',
      isRetryable: false,
    });
    this.issues = options.issues ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }

  static override isInstance(error: unknown): error is InvalidResponseError {
    return hasMarker(error, marker);
  }
}
