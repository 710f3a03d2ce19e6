import { describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import type { RuntimeEvent } from '../../../src/runtime/events/runtime-event';
import { createPerOriginRateLimiter } from '../../../src/runtime/rate-limit/per-origin-rate-limiter';
import type { RateLimiter } from '../../../src/runtime/rate-limit/rate-limiter';
import { createControlledDispatcher } from '../support/controlled-dispatcher';
import { createFakeClock } from '../support/fake-clock';
import { createTestRuntime, ORIGIN } from '../support/test-runtime';

const OTHER_ORIGIN = 'https://other.provider.test';

/** Lets every pending promise chain and I/O callback run once. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function waits(events: readonly RuntimeEvent[]) {
  return events.filter((event) => event.type === 'rate-limit.wait');
}

describe('per-origin rate limits through the HTTP client', () => {
  it('never has more requests in flight per origin than the concurrency bound', async () => {
    const controlled = createControlledDispatcher();
    const { bound } = createTestRuntime({
      dispatcher: controlled.dispatcher,
      rateLimits: { defaultBudget: { concurrency: 2 } },
    });
    const client = bound().http({ baseUrl: ORIGIN, cache: false });
    const all = Promise.all(
      Array.from({ length: 7 }, (_, index) => client.request({ path: `/load/${index}` })),
    );
    for (let answered = 0; answered < 7; answered++) {
      await controlled.whenHeld(Math.min(2, 7 - answered));
      await settle();
      expect(controlled.inFlight).toBeLessThanOrEqual(2);
      controlled.held[0]?.respond(200, { answered });
    }
    expect(await all).toHaveLength(7);
    expect(controlled.total).toBe(7);
    expect(controlled.maxInFlight).toBe(2);
  });

  it('makes the request past the interval budget wait for the refill', async () => {
    const { pool, bound, clock, events } = createTestRuntime({
      rateLimits: { defaultBudget: { requestsPerInterval: 2, intervalMs: 1000 } },
    });
    for (let index = 0; index < 3; index++) {
      pool.intercept({ path: `/b/${index}`, method: 'GET' }).reply(200, {});
    }
    const client = bound().http({ baseUrl: ORIGIN, cache: false });
    await client.request({ path: '/b/0' });
    await client.request({ path: '/b/1' });
    expect(clock.sleeps).toEqual([]);
    await client.request({ path: '/b/2' });
    // Two per second refill one token every 500 ms.
    expect(clock.sleeps).toEqual([500]);
    expect(waits(events)).toEqual([
      { type: 'rate-limit.wait', origin: ORIGIN, delayMs: 500, reason: 'interval' },
    ]);
  });

  it('does not wait once the interval has refilled the bucket', async () => {
    const { pool, bound, clock, events } = createTestRuntime({
      rateLimits: { defaultBudget: { requestsPerInterval: 1, intervalMs: 1000 } },
    });
    pool.intercept({ path: '/p', method: 'GET' }).reply(200, {}).times(2);
    const client = bound().http({ baseUrl: ORIGIN, cache: false });
    await client.request({ path: '/p' });
    clock.advance(1000);
    await client.request({ path: '/p' });
    expect(waits(events)).toEqual([]);
  });

  it.each([
    [
      'X-RateLimit-Remaining: 0 with an epoch X-RateLimit-Reset',
      (now: number) => ({
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(now / 1000) + 20),
      }),
      20_000,
    ],
    [
      'the IETF RateLimit and RateLimit-Policy headers',
      // Not 30 s: the test runtime holds sleeps of the 30 s attempt deadline.
      () => ({ ratelimit: '"default";r=0;t=45', 'ratelimit-policy': '"default";q=100;w=60' }),
      45_000,
    ],
    [
      'RateLimit-Remaining: 0 with RateLimit-Reset in seconds',
      () => ({ 'ratelimit-remaining': '0', 'ratelimit-reset': '12' }),
      12_000,
    ],
    [
      'a reset beyond the cap (held for the cap only)',
      (now: number) => ({
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(now / 1000) + 3600),
      }),
      60_000,
    ],
  ])('holds new requests until the reset on %s', async (_name, headers, expectedHoldMs) => {
    const { pool, bound, clock, events } = createTestRuntime();
    pool
      .intercept({ path: '/first', method: 'GET' })
      .reply(200, {}, { headers: headers(clock.now()) });
    pool.intercept({ path: '/second', method: 'GET' }).reply(200, {});
    const client = bound().http({ baseUrl: ORIGIN, cache: false });
    const startedAt = clock.now();
    await client.request({ path: '/first' });
    await client.request({ path: '/second' });
    expect(clock.sleeps).toEqual([expectedHoldMs]);
    expect(clock.now() - startedAt).toBeGreaterThanOrEqual(expectedHoldMs);
    expect(waits(events)).toEqual([
      { type: 'rate-limit.wait', origin: ORIGIN, delayMs: expectedHoldMs, reason: 'provider' },
    ]);
  });

  it('does not hold when requests remain', async () => {
    const { pool, bound, clock } = createTestRuntime();
    pool.intercept({ path: '/a', method: 'GET' }).reply(
      200,
      {},
      {
        headers: {
          'x-ratelimit-remaining': '5',
          'x-ratelimit-reset': String(Math.floor(clock.now() / 1000) + 20),
        },
      },
    );
    pool.intercept({ path: '/b', method: 'GET' }).reply(200, {});
    const client = bound().http({ baseUrl: ORIGIN, cache: false });
    await client.request({ path: '/a' });
    await client.request({ path: '/b' });
    expect(clock.sleeps).toEqual([]);
  });

  it('keeps the budgets of different origins apart', async () => {
    const { agent, pool, bound, clock, events } = createTestRuntime({
      rateLimits: { defaultBudget: { requestsPerInterval: 1, intervalMs: 1000 } },
    });
    const other = agent.get(OTHER_ORIGIN);
    pool.intercept({ path: '/x', method: 'GET' }).reply(
      200,
      {},
      {
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(clock.now() / 1000) + 20),
        },
      },
    );
    other.intercept({ path: '/y', method: 'GET' }).reply(200, {}).times(1);
    const runtime = bound();
    await runtime.http({ baseUrl: ORIGIN, cache: false }).request({ path: '/x' });
    // The first origin is spent (bucket and provider hold); the other still has its budget.
    await runtime.http({ baseUrl: OTHER_ORIGIN, cache: false }).request({ path: '/y' });
    expect(clock.sleeps).toEqual([]);
    expect(waits(events)).toEqual([]);
  });

  it('rejects promptly with the cancelled reason when aborted while waiting', async () => {
    const reason = new Error('target deadline');
    let waiting!: () => void;
    const waitStarted = new Promise<void>((resolve) => {
      waiting = resolve;
    });
    const { pool, bound, clock } = createTestRuntime({
      hold: (ms) => ms === 20_000,
      events: { emit: (event) => event.type === 'rate-limit.wait' && waiting() },
    });
    pool.intercept({ path: '/spent', method: 'GET' }).reply(
      200,
      {},
      {
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(clock.now() / 1000) + 20),
        },
      },
    );
    const client = bound().http({ baseUrl: ORIGIN, cache: false });
    await client.request({ path: '/spent' });

    const controller = new AbortController();
    const pending = client.request({ path: '/held', signal: controller.signal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await waitStarted;
    controller.abort(reason);
    const error = await pending;
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect((error as ApiCallError).reason).toBe('cancelled');
    expect((error as ApiCallError).cause).toBe(reason);
    // The held request never reached the provider (the MockAgent has no intercept for it).
  });

  it('uses the RateLimiter passed to createRuntime', async () => {
    const limiter: RateLimiter = {
      schedule: vi.fn((_origin: string, task: () => Promise<unknown>) =>
        task(),
      ) as RateLimiter['schedule'],
      observe: vi.fn(),
    };
    const { pool, bound } = createTestRuntime({ rateLimiter: limiter });
    pool
      .intercept({ path: '/c', method: 'GET' })
      .reply(200, {}, { headers: { 'x-ratelimit-remaining': '7' } });
    await bound().http({ baseUrl: ORIGIN, cache: false }).request({ path: '/c' });
    expect(limiter.schedule).toHaveBeenCalledWith(ORIGIN, expect.any(Function), expect.anything());
    expect(limiter.observe).toHaveBeenCalledWith(
      ORIGIN,
      expect.objectContaining({ 'x-ratelimit-remaining': '7' }),
    );
  });
});

describe('createPerOriginRateLimiter', () => {
  it('drops a task aborted while queued and gives its slot to the next', async () => {
    const limiter = createPerOriginRateLimiter({
      clock: createFakeClock(),
      defaultBudget: { concurrency: 1 },
    });
    let release!: () => void;
    const blocker = limiter.schedule(
      ORIGIN,
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('first');
        }),
    );
    const controller = new AbortController();
    const queuedTask = vi.fn(async () => 'never');
    const queued = limiter.schedule(ORIGIN, queuedTask, { signal: controller.signal });
    const next = limiter.schedule(ORIGIN, async () => 'next');
    const reason = new Error('gone');
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    await settle();
    release();
    expect(await blocker).toBe('first');
    expect(await next).toBe('next');
    expect(queuedTask).not.toHaveBeenCalled();
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = createPerOriginRateLimiter({ clock: createFakeClock() });
    const task = vi.fn(async () => 1);
    const reason = new Error('already');
    await expect(
      limiter.schedule(ORIGIN, task, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(task).not.toHaveBeenCalled();
  });

  it('fails fast instead of waiting for a provider reset when the caller asks (connection checks)', async () => {
    const clock = createFakeClock();
    const limiter = createPerOriginRateLimiter({ clock });
    limiter.observe(ORIGIN, {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(clock.now() / 1000) + 30),
    });
    const task = vi.fn(async () => 1);
    const failure = limiter.schedule(ORIGIN, task, {
      failFast: { method: 'GET', url: `${ORIGIN}/user` },
    });
    await expect(failure).rejects.toSatisfy(
      (error: unknown) => ApiCallError.isInstance(error) && error.reason === 'rate_limited',
    );
    expect(task).not.toHaveBeenCalled();
    expect(clock.sleeps).toEqual([]);
    // Without fail-fast the same call waits for the reset.
    await expect(limiter.schedule(ORIGIN, task)).resolves.toBe(1);
    expect(clock.sleeps.length).toBe(1);
  });

  it('serves waiters of a token bucket in order, one refill apart', async () => {
    const clock = createFakeClock();
    const onWait = vi.fn();
    const limiter = createPerOriginRateLimiter({
      clock,
      defaultBudget: { requestsPerInterval: 1, intervalMs: 1000, concurrency: 10 },
      onWait,
    });
    const startedAt = clock.now();
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2].map((index) => limiter.schedule(ORIGIN, async () => order.push(index))),
    );
    expect(order).toEqual([0, 1, 2]);
    // The fake clock advances on each sleep: three requests at one per second span two refills.
    expect(clock.now() - startedAt).toBe(2000);
    expect(onWait).toHaveBeenCalledTimes(2);
  });
});
