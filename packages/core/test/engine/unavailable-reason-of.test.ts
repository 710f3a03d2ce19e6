import { describe, expect, it } from 'vitest';
import { unavailableReasonOf } from '../../src/engine/unavailable-reason-of';
import { ApiCallError } from '../../src/errors/api-call-error';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { EvidencekitError } from '../../src/errors/evidencekit-error';

const apiError = (reason: ConstructorParameters<typeof ApiCallError>[0]['reason']) =>
  new ApiCallError({
    message: 'GET /x failed',
    reason,
    url: 'https://x.test/x',
    method: 'GET',
    isRetryable: false,
  });

describe('unavailableReasonOf', () => {
  it.each([
    ['a 401', apiError('auth'), 'auth'],
    ['a rate limit', apiError('rate_limited'), 'rate_limited'],
    ['a bad response', apiError('invalid_response'), 'invalid_response'],
    [
      'a configuration error',
      new ConfigurationError({ issues: [{ path: 'x', expected: 'y' }] }),
      'config',
    ],
  ])('gives the reason of %s', (_label, error, reason) => {
    expect(unavailableReasonOf(error)).toBe(reason);
  });

  it.each([
    ['a cancellation (the engine owns it)', apiError('cancelled')],
    ['an untyped error (a bug)', new Error('boom')],
    ['a non-error value', 'boom'],
    [
      'a typed error whose reason is not about availability',
      new EvidencekitError({ name: 'X', code: 'x', message: 'x', reason: 'threshold_breached' }),
    ],
  ])('gives nothing for %s, so it propagates', (_label, error) => {
    expect(unavailableReasonOf(error)).toBeUndefined();
  });
});
