import type { ApiCallFailureReason } from '../../errors/api-call-error';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** What a transport failure (no usable HTTP answer) means for the caller. */
export interface TransportClassification {
  reason: ApiCallFailureReason;
  isRetryable: boolean;
  /** The error code, e.g. `ECONNRESET`, safe to show. */
  code: string | undefined;
}

/**
 * Maps a connection-level error to a reason: undici's and the socket's timeouts are
 * `timeout`; everything else (resets, refusals, DNS failures, unknown errors) is `transient`,
 * since the request may not have reached the provider. Both are retryable.
 */
export function classifyTransportError(error: unknown): TransportClassification {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return { reason: 'timeout', isRetryable: true, code };
  }
  return { reason: 'transient', isRetryable: true, code };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}
