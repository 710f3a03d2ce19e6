import { describe, expect, it } from 'vitest';
import { createPerOriginRateLimiter } from '../../../src/runtime/rate-limit/per-origin-rate-limiter';
import { createFakeClock } from '../support/fake-clock';

const ORIGIN = 'https://api.provider.test';

/**
 * `tryAcquire` is the fast path's way into the limiter: it may grant a slot only when
 * `schedule` would have run the task at once, and a refusal must cost nothing.
 */
describe('the in-process limiter’s tryAcquire', () => {
  function limiterWith(budget: { concurrency?: number; requestsPerInterval?: number }) {
    const clock = createFakeClock({ start: 1_000_000 });
    const limiter = createPerOriginRateLimiter({ clock, defaultBudget: budget });
    return { clock, limiter };
  }

  it.each([
    {
      name: 'a free slot',
      budget: { concurrency: 2 },
      setup: () => {},
      granted: true,
    },
    {
      name: 'every slot taken',
      budget: { concurrency: 1 },
      setup: (limiter: ReturnType<typeof limiterWith>['limiter']) => {
        limiter.tryAcquire?.(ORIGIN);
      },
      granted: false,
    },
    {
      name: 'a provider hold (0 left, reset in 30 s)',
      budget: { concurrency: 4 },
      setup: (limiter: ReturnType<typeof limiterWith>['limiter']) => {
        limiter.observe(ORIGIN, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' });
      },
      granted: false,
    },
    {
      name: 'the interval budget spent',
      budget: { concurrency: 4, requestsPerInterval: 1 },
      setup: (limiter: ReturnType<typeof limiterWith>['limiter']) => {
        limiter.tryAcquire?.(ORIGIN);
      },
      granted: false,
    },
  ])('with $name: granted $granted', ({ budget, setup, granted }) => {
    const { limiter } = limiterWith(budget);
    setup(limiter);
    expect(limiter.tryAcquire?.(ORIGIN) !== undefined).toBe(granted);
  });

  it('refuses while a request waits in the queue, so nobody overtakes it', async () => {
    const { limiter } = limiterWith({ concurrency: 1 });
    const release = limiter.tryAcquire?.(ORIGIN);
    const order: string[] = [];
    const queued = limiter.schedule(ORIGIN, async () => {
      order.push('queued');
    });
    expect(limiter.tryAcquire?.(ORIGIN)).toBeUndefined();
    release?.();
    await queued;
    expect(order).toEqual(['queued']);
    // The queued task gave its slot back: a new request is granted one at once.
    expect(limiter.tryAcquire?.(ORIGIN)).toBeTypeOf('function');
  });

  it('takes no token when it refuses: a refused request does not spend the interval budget', async () => {
    const { limiter } = limiterWith({ concurrency: 1, requestsPerInterval: 2 });
    const release = limiter.tryAcquire?.(ORIGIN);
    // Refused for the concurrency slot, several times.
    for (let index = 0; index < 5; index++) expect(limiter.tryAcquire?.(ORIGIN)).toBeUndefined();
    release?.();
    // One token left of two.
    const second = limiter.tryAcquire?.(ORIGIN);
    expect(second).toBeTypeOf('function');
    second?.();
    expect(limiter.tryAcquire?.(ORIGIN)).toBeUndefined();
  });

  it('gives the slot to the oldest queued request when released', async () => {
    const { limiter } = limiterWith({ concurrency: 1 });
    const release = limiter.tryAcquire?.(ORIGIN);
    const started: number[] = [];
    const tasks = [1, 2].map((index) =>
      limiter.schedule(ORIGIN, async () => {
        started.push(index);
      }),
    );
    expect(started).toEqual([]);
    release?.();
    await Promise.all(tasks);
    expect(started).toEqual([1, 2]);
  });
});
