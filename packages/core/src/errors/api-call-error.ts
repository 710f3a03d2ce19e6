import type { UnavailableReasonCode } from '../evidence/fact-reason';
import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.api-call');

/** The reasons an API call can fail with: a subset of the `unavailable` fact reasons. */
export type ApiCallFailureReason = Extract<
  UnavailableReasonCode,
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'timeout'
  | 'transient'
  | 'cancelled'
  | 'invalid_response'
  | 'config'
  | 'connector_error'
>;

/** One attempt of a call, as the retry policy saw it. */
export interface ApiCallAttempt {
  /** 1 for the first try. */
  attempt: number;
  /** The HTTP status, when the provider answered. */
  status?: number;
  reason: ApiCallFailureReason;
  /** How long the policy waited after this attempt before the next one (0 for the last). */
  delayMs: number;
}

/** Everything an `ApiCallError` is built from. All values must already be redacted. */
export interface ApiCallErrorOptions {
  message: string;
  reason: ApiCallFailureReason;
  /** Redacted URL of the request. */
  url: string;
  method: string;
  status?: number;
  /** Redacted response headers. */
  headers?: Record<string, string>;
  /** Redacted start of the response body, at most 1 KB. */
  bodyExcerpt?: string;
  isRetryable: boolean;
  /** How long the provider asked us to wait before retrying, when it said so. */
  retryAfterMs?: number;
  cause?: unknown;
  /** Overrides the class name and code for subclasses. */
  name?: string;
  code?: string;
}

/**
 * A call to a provider API failed: the provider answered with an error status, the
 * connection broke, the deadline passed, the call was cancelled, or the request failed in the
 * runtime itself (`connector_error`: an invalid header, a module that did not load; never
 * retried, and its message says what happened). Every field is redacted
 * before it is stored, so the error can be logged and serialized as is.
 */
export class ApiCallError extends EvidencekitError {
  readonly [marker] = true;
  declare readonly reason: ApiCallFailureReason;
  /** Redacted URL of the request. */
  readonly url: string;
  readonly method: string;
  /** The HTTP status, when the provider answered. */
  readonly status: number | undefined;
  /** Redacted response headers. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Redacted start of the response body (≤ 1 KB). */
  readonly bodyExcerpt: string | undefined;
  /** True when trying again later may succeed (408, 429, 5xx, resets, timeouts). */
  readonly isRetryable: boolean;
  /** The wait the provider asked for, in milliseconds, when it gave one. */
  readonly retryAfterMs: number | undefined;
  /**
   * Every attempt of the call, oldest first. Filled in by the retry policy when it gives up;
   * a single entry when the call was not retried.
   */
  attempts: readonly ApiCallAttempt[];

  constructor(options: ApiCallErrorOptions) {
    super({
      name: options.name ?? 'ApiCallError',
      code: options.code ?? 'api_call_error',
      reason: options.reason,
      message: options.message,
      cause: options.cause,
    });
    this.url = options.url;
    this.method = options.method;
    this.status = options.status;
    this.headers = options.headers;
    this.bodyExcerpt = options.bodyExcerpt;
    this.isRetryable = options.isRetryable;
    this.retryAfterMs = options.retryAfterMs;
    this.attempts = [
      {
        attempt: 1,
        ...(options.status === undefined ? {} : { status: options.status }),
        reason: options.reason,
        delayMs: 0,
      },
    ];
  }

  /**
   * A copy with a provider-specific message, reason or retryability, keeping the request, the
   * response details and every attempt; the original becomes the `cause`. Connectors use it to
   * explain an error in their provider's terms (the permission a 403 needs, Prometheus's own
   * `errorType`) without rebuilding it field by field. The new message must be redacted too.
   */
  withDetails(changes: {
    message?: string;
    reason?: ApiCallFailureReason;
    isRetryable?: boolean;
  }): ApiCallError {
    const copy = new ApiCallError({
      name: this.name,
      code: this.code,
      message: changes.message ?? this.message,
      reason: changes.reason ?? this.reason,
      url: this.url,
      method: this.method,
      isRetryable: changes.isRetryable ?? this.isRetryable,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.headers === undefined ? {} : { headers: { ...this.headers } }),
      ...(this.bodyExcerpt === undefined ? {} : { bodyExcerpt: this.bodyExcerpt }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      cause: this,
    });
    copy.attempts = this.attempts;
    return copy;
  }

  /** A plain, already-redacted description for logs and JSON reports. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      reason: this.reason,
      message: this.message,
      method: this.method,
      url: this.url,
      status: this.status,
      headers: this.headers,
      bodyExcerpt: this.bodyExcerpt,
      isRetryable: this.isRetryable,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
    };
  }

  static override isInstance(error: unknown): error is ApiCallError {
    return hasMarker(error, marker);
  }
}
