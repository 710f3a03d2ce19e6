import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../src/errors/api-call-error';

describe('ApiCallError#withDetails', () => {
  it('keeps the request, response and attempts, and chains the original as its cause', () => {
    const original = new ApiCallError({
      message: 'GET https://prometheus.test/api/v1/query returned 422',
      reason: 'config',
      url: 'https://prometheus.test/api/v1/query?query=[REDACTED]',
      method: 'GET',
      status: 422,
      headers: { 'content-type': 'application/json' },
      bodyExcerpt: '{"status":"error","errorType":"execution"}',
      isRetryable: false,
      retryAfterMs: 1500,
    });
    original.attempts = [
      { attempt: 1, status: 503, reason: 'transient', delayMs: 500 },
      { attempt: 2, status: 422, reason: 'config', delayMs: 0 },
    ];

    const explained = original.withDetails({
      message: 'Prometheus could not execute the query',
      reason: 'transient',
      isRetryable: true,
    });

    expect(ApiCallError.isInstance(explained)).toBe(true);
    expect(explained).not.toBe(original);
    expect(explained.cause).toBe(original);
    expect(explained).toMatchObject({
      message: 'Prometheus could not execute the query',
      reason: 'transient',
      isRetryable: true,
      url: original.url,
      method: 'GET',
      status: 422,
      headers: { 'content-type': 'application/json' },
      bodyExcerpt: original.bodyExcerpt,
      retryAfterMs: 1500,
      name: 'ApiCallError',
      code: 'api_call_error',
    });
    expect(explained.attempts).toEqual(original.attempts);
    // Only what was asked changes.
    expect(original.withDetails({}).message).toBe(original.message);
    expect(original.withDetails({}).reason).toBe('config');
  });
});
