import { ApiCallError, type ApiCallErrorOptions } from './api-call-error';
import { hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.response-too-large');

/**
 * The response body is larger than the size cap. The body is discarded unread (or as soon as
 * the cap is crossed), so a huge or endless answer cannot exhaust memory.
 */
export class ResponseTooLargeError extends ApiCallError {
  readonly [marker] = true;
  /** The cap, in bytes. */
  readonly limitBytes: number;

  constructor(
    options: Omit<ApiCallErrorOptions, 'reason' | 'isRetryable' | 'message'> & {
      limitBytes: number;
      /** What `content-length` announced, when it did. */
      announcedBytes?: number;
    },
  ) {
    super({
      name: 'ResponseTooLargeError',
      code: 'response_too_large',
      ...options,
      reason: 'invalid_response',
      isRetryable: false,
      message:
        options.announcedBytes === undefined
          ? `${options.method} ${options.url}: the response body exceeded the ${options.limitBytes}-byte limit.`
          : `${options.method} ${options.url}: the response announced ${options.announcedBytes} bytes, more than the ${options.limitBytes}-byte limit.`,
    });
    this.limitBytes = options.limitBytes;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limitBytes: this.limitBytes };
  }

  static override isInstance(error: unknown): error is ResponseTooLargeError {
    return hasMarker(error, marker);
  }
}
