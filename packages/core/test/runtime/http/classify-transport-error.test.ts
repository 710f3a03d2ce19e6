import { describe, expect, it } from 'vitest';
import {
  classifyTransportError,
  type TransportClassification,
} from '../../../src/runtime/http/classify-transport-error';

function coded(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

type Expected = Omit<TransportClassification, 'code'>;
const network: Expected = { kind: 'network', reason: 'transient', isRetryable: true };
const timeout: Expected = { kind: 'timeout', reason: 'timeout', isRetryable: true };
const tls: Expected = { kind: 'tls', reason: 'config', isRetryable: false };
const runtime: Expected = { kind: 'runtime', reason: 'connector_error', isRetryable: false };

// Codes from Node's errno set and undici's lib/core/errors.js; the runtime rows are what users
// hit under Jest, in bundles and with secrets ending in a newline.
const cases: Array<[label: string, error: unknown, expected: Expected, code?: string]> = [
  ['a reset', coded('ECONNRESET'), network, 'ECONNRESET'],
  ['a refusal', coded('ECONNREFUSED'), network, 'ECONNREFUSED'],
  ['a broken pipe', coded('EPIPE'), network, 'EPIPE'],
  ['an unreachable host', coded('EHOSTUNREACH'), network, 'EHOSTUNREACH'],
  ['a resolver failing for now', coded('EAI_AGAIN'), network, 'EAI_AGAIN'],
  [
    'a name that does not exist',
    coded('ENOTFOUND'),
    { kind: 'network', reason: 'transient', isRetryable: false },
    'ENOTFOUND',
  ],
  ['undici: the other side closed', coded('UND_ERR_SOCKET'), network, 'UND_ERR_SOCKET'],
  ['undici: the client closed', coded('UND_ERR_CLOSED'), network, 'UND_ERR_CLOSED'],
  [
    'undici: a body shorter than announced',
    coded('UND_ERR_RES_CONTENT_LENGTH_MISMATCH'),
    network,
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  ],
  ['a socket timeout', coded('ETIMEDOUT'), timeout, 'ETIMEDOUT'],
  ['undici: connect timeout', coded('UND_ERR_CONNECT_TIMEOUT'), timeout, 'UND_ERR_CONNECT_TIMEOUT'],
  ['undici: headers timeout', coded('UND_ERR_HEADERS_TIMEOUT'), timeout, 'UND_ERR_HEADERS_TIMEOUT'],
  ['undici: body timeout', coded('UND_ERR_BODY_TIMEOUT'), timeout, 'UND_ERR_BODY_TIMEOUT'],
  [
    'an untrusted certificate',
    coded('SELF_SIGNED_CERT_IN_CHAIN'),
    tls,
    'SELF_SIGNED_CERT_IN_CHAIN',
  ],
  ['an expired certificate', coded('CERT_HAS_EXPIRED'), tls, 'CERT_HAS_EXPIRED'],
  ['a wrong host name', coded('ERR_TLS_CERT_ALTNAME_INVALID'), tls, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  [
    'malformed HTTP',
    coded('HPE_INVALID_HEADER_TOKEN'),
    { kind: 'protocol', reason: 'invalid_response', isRetryable: false },
    'HPE_INVALID_HEADER_TOKEN',
  ],
  [
    'a network code on the cause',
    new TypeError('fetch failed', { cause: coded('ECONNRESET') }),
    network,
    'ECONNRESET',
  ],
  // What MSW's `HttpResponse.error()` (a simulated dropped connection) surfaces as.
  ['a mocked network error', new TypeError('Network error'), network],
  ['a plain TypeError', new TypeError('Cannot read properties of undefined'), runtime],
  [
    'a TypeError that only mentions the network',
    new TypeError('Network error: bad header'),
    runtime,
  ],
  [
    'undici: an invalid header',
    coded('UND_ERR_INVALID_ARG', 'invalid authorization header'),
    runtime,
    'UND_ERR_INVALID_ARG',
  ],
  ['undici: not supported', coded('UND_ERR_NOT_SUPPORTED'), runtime, 'UND_ERR_NOT_SUPPORTED'],
  ['require() of an ES module', coded('ERR_REQUIRE_ESM'), runtime, 'ERR_REQUIRE_ESM'],
  [
    'Jest refusing import()',
    coded('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG'),
    runtime,
    'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG',
  ],
  [
    'a dynamic require in a bundle',
    new Error('Dynamic require of "node:assert" is not supported'),
    runtime,
  ],
  ['a module that is not installed', coded('MODULE_NOT_FOUND'), runtime, 'MODULE_NOT_FOUND'],
  ['a string', 'boom', runtime],
  ['undefined', undefined, runtime],
  ['a numeric code', Object.assign(new Error('x'), { code: 104 }), runtime],
];

describe('classifyTransportError', () => {
  it.each(cases)('classifies %s', (_label, error, expected, code) => {
    expect(classifyTransportError(error)).toEqual({ ...expected, code });
  });

  it('stops walking a cyclic cause chain', () => {
    const first: Error & { cause?: unknown } = new Error('a');
    const second = new Error('b', { cause: first });
    first.cause = second;
    expect(classifyTransportError(first)).toMatchObject({ kind: 'runtime' });
  });
});
