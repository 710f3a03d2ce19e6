import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { createTestRuntime, ORIGIN } from '../support/test-runtime';

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ApiCallError.isInstance(error))
    throw new Error(`expected an ApiCallError, got ${inspect(error)}`);
  return error;
}

describe('retry policy through the HTTP client', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries %i and then succeeds', async (status) => {
    const { pool, bound, clock, events } = createTestRuntime();
    pool.intercept({ path: '/r', method: 'GET' }).reply(status, 'busy');
    pool.intercept({ path: '/r', method: 'GET' }).reply(200, { ok: true });
    const client = bound().http({ baseUrl: ORIGIN });
    const response = await client.request({ path: '/r' });
    expect(response.data).toEqual({ ok: true });
    expect(clock.sleeps).toHaveLength(1);
    // Full jitter with random 0.5 of a 500 ms first step.
    expect(clock.sleeps[0]).toBe(250);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(1);
  });

  it.each([
    [400, 'config'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'config'],
  ] as const)('never retries %i (reason %s)', async (status, reason) => {
    const { pool, bound, clock } = createTestRuntime();
    pool.intercept({ path: '/n', method: 'GET' }).reply(status, { message: 'no' });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/n' }));
    expect(error.status).toBe(status);
    expect(error.reason).toBe(reason);
    expect(error.isRetryable).toBe(false);
    expect(error.attempts).toEqual([{ attempt: 1, status, reason, delayMs: 0 }]);
    expect(clock.sleeps).toEqual([]);
  });

  it('treats a 403 with x-ratelimit-remaining: 0 as a rate limit and waits for the reset', async () => {
    const { pool, bound, clock } = createTestRuntime();
    const reset = String(Math.floor(clock.now() / 1000) + 5);
    pool.intercept({ path: '/g', method: 'GET' }).reply(403, 'rate limit', {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    pool.intercept({ path: '/g', method: 'GET' }).reply(200, {});
    await bound().http({ baseUrl: ORIGIN }).request({ path: '/g' });
    // The limiter held new requests until the reset, and the retry waited for the same reset.
    expect(clock.sleeps.reduce((total, ms) => total + ms, 0)).toBeGreaterThanOrEqual(5000);
  });

  it('honours Retry-After seconds and lists every attempt when it gives up', async () => {
    const { pool, bound, clock } = createTestRuntime();
    pool
      .intercept({ path: '/x', method: 'GET' })
      .reply(503, 'down', { headers: { 'retry-after': '2' } })
      .times(4);
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/x' }));
    expect(clock.sleeps).toEqual([2000, 2000, 2000]);
    expect(error.reason).toBe('transient');
    expect(error.attempts.map((attempt) => [attempt.status, attempt.delayMs])).toEqual([
      [503, 2000],
      [503, 2000],
      [503, 2000],
      [503, 0],
    ]);
    expect(error.message).toContain('#4 503 transient');
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { pool, bound, clock } = createTestRuntime();
    const date = new Date(clock.now() + 3000).toUTCString();
    pool
      .intercept({ path: '/d', method: 'GET' })
      .reply(429, '', { headers: { 'retry-after': date } });
    pool.intercept({ path: '/d', method: 'GET' }).reply(200, {});
    await bound().http({ baseUrl: ORIGIN }).request({ path: '/d' });
    expect(clock.sleeps).toEqual([3000]);
  });

  it('fails fast as rate_limited, naming the wait, when Retry-After exceeds the cap', async () => {
    const { pool, bound, clock } = createTestRuntime();
    pool
      .intercept({ path: '/c', method: 'GET' })
      .reply(429, '', { headers: { 'retry-after': '120' } });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/c' }));
    expect(error.reason).toBe('rate_limited');
    expect(error.message).toContain('120 s');
    expect(clock.sleeps).toEqual([]);
  });

  it('never waits on 429 when failFastOnRateLimit is set (doCheck)', async () => {
    const { pool, bound, clock } = createTestRuntime();
    pool
      .intercept({ path: '/f', method: 'GET' })
      .reply(429, '', { headers: { 'retry-after': '1' } });
    const error = await failure(
      bound({ failFastOnRateLimit: true }).http({ baseUrl: ORIGIN }).request({ path: '/f' }),
    );
    expect(error.reason).toBe('rate_limited');
    expect(clock.sleeps).toEqual([]);
  });

  it('retries POST only when the call says it is idempotent', async () => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/p', method: 'POST' }).reply(503, '').times(2);
    pool.intercept({ path: '/p', method: 'POST' }).reply(200, { ok: 1 });
    const client = bound().http({ baseUrl: ORIGIN });
    const error = await failure(client.request({ method: 'POST', path: '/p', body: { a: 1 } }));
    expect(error.attempts).toHaveLength(1);
    const ok = await client.request({
      method: 'POST',
      path: '/p',
      body: { a: 1 },
      idempotent: true,
    });
    expect(ok.data).toEqual({ ok: 1 });
  });

  it('retries a connection reset', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/e', method: 'GET' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/e', method: 'GET' }).reply(200, { ok: true });
    const response = await bound().http({ baseUrl: ORIGIN }).request({ path: '/e' });
    expect(response.data).toEqual({ ok: true });
  });

  it('stops with cancelled when aborted during the backoff', async () => {
    const controller = new AbortController();
    const { pool, bound, events } = createTestRuntime({ hold: (ms) => ms === 9000 });
    pool
      .intercept({ path: '/a', method: 'GET' })
      .reply(503, '', { headers: { 'retry-after': '9' } });
    const pending = bound({ signal: controller.signal })
      .http({ baseUrl: ORIGIN, cache: false })
      .request({ path: '/a' });
    // Wait until the policy is sleeping before the second attempt.
    for (let tick = 0; tick < 100 && !events.some((event) => event.type === 'retry'); tick++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    const error = await failure(pending);
    expect(error.reason).toBe('cancelled');
    expect(error.attempts.map((attempt) => attempt.reason)).toEqual(['transient', 'cancelled']);
  });
});
