import type { ApiCallFailureReason } from '../../errors/api-call-error';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'HPE_INVALID_CONSTANT',
]);

/** What a transport failure (no usable HTTP answer) means for the caller. */
export interface TransportClassification {
  reason: ApiCallFailureReason;
  isRetryable: boolean;
  /** The error code, e.g. `ECONNRESET`, safe to show. */
  code: string | undefined;
}

/**
 * Maps a connection-level error (reset, refused, DNS, undici timeouts) to a reason.
 * Unknown errors are treated as transient: the request may not have reached the provider.
 */
export function classifyTransportError(error: unknown): TransportClassification {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return { reason: 'timeout', isRetryable: true, code };
  }
  if (code !== undefined && TRANSIENT_CODES.has(code)) {
    return { reason: 'transient', isRetryable: true, code };
  }
  return { reason: 'transient', isRetryable: true, code };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}
