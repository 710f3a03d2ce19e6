import type { ApiCallFailureReason } from '../../errors/api-call-error';

/**
 * What kind of failure a request met before any usable HTTP answer:
 * - `network`: the connection failed or broke (reset, refused, DNS); the provider may not have
 *   seen the request.
 * - `timeout`: a socket or undici deadline passed.
 * - `tls`: the server's certificate or TLS handshake was not accepted; trying again changes
 *   nothing until the trust settings or the certificate change.
 * - `protocol`: the server answered with bytes that are not HTTP.
 * - `runtime`: anything else (a `TypeError`, an invalid header, a module that failed to load, a
 *   bug). Not a provider failure: never retried, and its message is kept so it can be fixed.
 */
export type TransportFailureKind = 'network' | 'timeout' | 'tls' | 'protocol' | 'runtime';

/** What a transport failure (no usable HTTP answer) means for the caller. */
export interface TransportClassification {
  kind: TransportFailureKind;
  reason: ApiCallFailureReason;
  isRetryable: boolean;
  /** The error code, e.g. `ECONNRESET`, safe to show. */
  code: string | undefined;
}

// Socket and undici deadlines.
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

// Connection failures that may pass on the next attempt. From Node's `net`/`dns` errno codes and
// undici's lib/core/errors.js (socket closed by the peer, pool closed or destroyed mid-request,
// a body cut short of its Content-Length).
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EADDRNOTAVAIL',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

// The resolver answered that the name does not exist: `transient` (the name may be created, or
// the resolver recover, before a later run) but not retried within the call, since a few
// seconds of backoff will not make a missing name appear.
const NOT_RETRIED_NETWORK_CODES = new Set(['ENOTFOUND']);

// Certificate verification failures (OpenSSL's verify codes, as Node reports them) and Node's
// TLS errors.
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);
const TLS_CODE_PREFIXES = ['ERR_TLS_', 'ERR_SSL_'];

// Bounded: a cause chain may be long or cyclic.
const MAX_CAUSE_DEPTH = 5;

/**
 * Maps an error thrown while sending a request to what it means. Only known network and timeout
 * codes (on the error or one of its causes) are provider-side and retryable; a TLS refusal is
 * `config`, unreadable HTTP is `invalid_response`, and everything else is a `connector_error`
 * that is never retried.
 */
export function classifyTransportError(error: unknown): TransportClassification {
  let current: unknown = error;
  let outerCode: string | undefined;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && isObject(current); depth++) {
    const code = errorCode(current);
    outerCode ??= code;
    if (code !== undefined) {
      const known = classifyCode(code);
      if (known !== undefined) return known;
    }
    current = (current as { cause?: unknown }).cause;
  }
  if (outerCode === undefined && isMockedNetworkError(error)) {
    return { kind: 'network', reason: 'transient', isRetryable: true, code: undefined };
  }
  return { kind: 'runtime', reason: 'connector_error', isRetryable: false, code: outerCode };
}

/**
 * The error a mocked network error surfaces as: `Response.error()` (MSW's `HttpResponse.error()`,
 * the documented way to simulate a dropped connection) makes @mswjs/interceptors destroy the
 * socket with `new TypeError('Network error')`, no code. Tests written that way mean a network
 * failure, so they get one. Matched exactly: no other TypeError qualifies.
 */
function isMockedNetworkError(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'Network error';
}

function classifyCode(code: string): TransportClassification | undefined {
  if (TIMEOUT_CODES.has(code))
    return { kind: 'timeout', reason: 'timeout', isRetryable: true, code };
  if (RETRYABLE_NETWORK_CODES.has(code)) {
    return { kind: 'network', reason: 'transient', isRetryable: true, code };
  }
  if (NOT_RETRIED_NETWORK_CODES.has(code)) {
    return { kind: 'network', reason: 'transient', isRetryable: false, code };
  }
  if (TLS_CODES.has(code) || TLS_CODE_PREFIXES.some((prefix) => code.startsWith(prefix))) {
    return { kind: 'tls', reason: 'config', isRetryable: false, code };
  }
  // llhttp's parse errors, as undici reports them (`HPE_INVALID_HEADER_TOKEN`, ...).
  if (code.startsWith('HPE_')) {
    return { kind: 'protocol', reason: 'invalid_response', isRetryable: false, code };
  }
  return undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function errorCode(error: object): string | undefined {
  if (!('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' && code !== '' ? code : undefined;
}
