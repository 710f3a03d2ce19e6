import type { Dispatcher, MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/runtime/create-runtime';
import type { HttpClient, HttpResponse } from '../../../src/runtime/http/http-client';
import { createPerOriginRateLimiter } from '../../../src/runtime/rate-limit/per-origin-rate-limiter';
import type { RateLimiter } from '../../../src/runtime/rate-limit/rate-limiter';
import { systemClock } from '../../../src/runtime/retry/clock';
import { CANARY, createTestRuntime, ORIGIN } from '../support/test-runtime';

// The fast path (runtime/http/fast-request.ts) must do exactly what the stages do. Every
// scenario below runs twice: once on the stages (an event emitter without `isObserved`, so
// every event is built and no request can take the fast path) and once where nobody observes
// events (the fast path wherever a request qualifies), and the two outcomes must be equal:
// answers, typed errors with their attempts and messages, cache flags, provider requests.

type PathName = 'stages' | 'fast path';
const PATHS: readonly PathName[] = ['stages', 'fast path'];

type MockPool = ReturnType<MockAgent['get']>;

interface ScenarioContext {
  pool: MockPool;
  client: HttpClient;
  clock: ReturnType<typeof createTestRuntime>['clock'];
  /** Provider requests the scenario's replies saw, in order: method, path, conditional header. */
  seen: string[];
}

interface Scenario {
  name: string;
  client?: Parameters<ReturnType<ReturnType<typeof createTestRuntime>['bound']>['http']>[0];
  runtime?: Parameters<typeof createTestRuntime>[0];
  /** A dispatcher instead of the MockAgent (for a provider that never answers). */
  dispatcher?: () => Dispatcher;
  run(context: ScenarioContext): Promise<unknown[]>;
}

/** What a request came to, without fields that name the path taken. */
async function outcomeOf(pending: Promise<HttpResponse<unknown>>): Promise<unknown> {
  try {
    const response = await pending;
    return {
      status: response.status,
      data: response.data,
      url: response.url,
      headers: response.headers,
      fromCache: response.fromCache,
      notModified: response.notModified,
      durationMs: response.durationMs,
    };
  } catch (caught) {
    const error = caught as Record<string, unknown> & Error;
    return {
      name: error.name,
      message: error.message,
      reason: error.reason,
      status: error.status,
      isRetryable: error.isRetryable,
      attempts: error.attempts,
      bodyExcerpt: error.bodyExcerpt,
      headers: error.headers,
      kind: error.kind,
    };
  }
}

/** A reply that records the request it answered. */
function recorded(
  seen: string[],
  statusCode: number,
  data: unknown,
  headers: Record<string, string> = {},
) {
  return (options: { method: string; path: string; headers?: unknown }) => {
    const requestHeaders = (options.headers ?? {}) as Record<string, string>;
    seen.push(`${options.method} ${options.path} ${requestHeaders['if-none-match'] ?? '-'}`);
    return {
      statusCode,
      data: typeof data === 'string' ? data : JSON.stringify(data),
      responseOptions: { headers: { 'content-type': 'application/json', ...headers } },
    };
  };
}

/** Lets pending promise chains and I/O callbacks run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A dispatcher whose requests never get an answer; aborting one fails it. */
function silentDispatcher(): Dispatcher {
  return {
    dispatch(_options: unknown, handler: Dispatcher.DispatchHandler) {
      let aborted = false;
      const controller = {
        abort(reason: Error) {
          if (aborted) return;
          aborted = true;
          handler.onResponseError?.(controller as never, reason);
        },
        pause() {},
        resume() {},
        get aborted() {
          return aborted;
        },
        paused: false,
        reason: null,
      };
      handler.onRequestStart?.(controller as never, {});
      return true;
    },
  } as unknown as Dispatcher;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a 200 answer (stored with its ETag)',
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/ok', method: 'GET' })
        .reply(recorded(seen, 200, { ok: true }, { etag: '"v1"' }));
      return [await outcomeOf(client.request({ path: '/ok' }))];
    },
  },
  {
    name: 'a stored answer revalidated with a 304',
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/etag', method: 'GET' })
        .reply(recorded(seen, 200, { version: 1 }, { etag: '"v1"' }));
      pool.intercept({ path: '/etag', method: 'GET' }).reply(recorded(seen, 304, ''));
      return [
        await outcomeOf(client.request({ path: '/etag' })),
        await outcomeOf(client.request({ path: '/etag' })),
      ];
    },
  },
  {
    name: 'a fresh entry served without a request',
    client: { baseUrl: ORIGIN, cache: { ttlMs: 60_000 } },
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/fresh', method: 'GET' }).reply(recorded(seen, 200, { n: 1 }));
      return [
        await outcomeOf(client.request({ path: '/fresh' })),
        await outcomeOf(client.request({ path: '/fresh' })),
      ];
    },
  },
  {
    name: 'a 404 (not retried, one attempt recorded)',
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/missing', method: 'GET' }).reply(recorded(seen, 404, { e: 1 }));
      return [await outcomeOf(client.request({ path: '/missing' }))];
    },
  },
  {
    name: 'two 503s then a 200 (retried)',
    async run({ pool, client, seen }) {
      const reply = pool.intercept({ path: '/flaky', method: 'GET' });
      reply.reply(recorded(seen, 503, { e: 'busy' }));
      pool.intercept({ path: '/flaky', method: 'GET' }).reply(recorded(seen, 503, { e: 'busy' }));
      pool.intercept({ path: '/flaky', method: 'GET' }).reply(recorded(seen, 200, { ok: 1 }));
      return [await outcomeOf(client.request({ path: '/flaky' }))];
    },
  },
  {
    name: '503 on every attempt (the attempts summarized)',
    async run({ pool, client, seen }) {
      for (let index = 0; index < 4; index++) {
        pool.intercept({ path: '/down', method: 'GET' }).reply(recorded(seen, 503, 'down'));
      }
      return [await outcomeOf(client.request({ path: '/down' }))];
    },
  },
  {
    name: 'a 429 whose Retry-After is longer than allowed (fails fast)',
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/limited', method: 'GET' })
        .reply(recorded(seen, 429, 'slow down', { 'retry-after': '3600' }));
      return [await outcomeOf(client.request({ path: '/limited' }))];
    },
  },
  {
    name: 'a 429 with a short Retry-After, then a 200',
    async run({ pool, client, seen, clock }) {
      pool
        .intercept({ path: '/wait', method: 'GET' })
        .reply(recorded(seen, 429, 'slow down', { 'retry-after': '2' }));
      pool.intercept({ path: '/wait', method: 'GET' }).reply(recorded(seen, 200, { ok: 1 }));
      const outcome = await outcomeOf(client.request({ path: '/wait' }));
      return [outcome, clock.sleeps];
    },
  },
  {
    name: 'a POST that fails with a 503 (not idempotent: not retried)',
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/post', method: 'POST' }).reply(recorded(seen, 503, 'busy'));
      return [await outcomeOf(client.request({ path: '/post', method: 'POST', body: { a: 1 } }))];
    },
  },
  {
    name: 'a connection reset, then a 200',
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/reset', method: 'GET' })
        .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      pool.intercept({ path: '/reset', method: 'GET' }).reply(recorded(seen, 200, { ok: 1 }));
      return [await outcomeOf(client.request({ path: '/reset' }))];
    },
  },
  {
    name: 'a same-origin redirect',
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/old', method: 'GET' })
        .reply(recorded(seen, 302, '', { location: '/new' }));
      pool.intercept({ path: '/new', method: 'GET' }).reply(recorded(seen, 200, { moved: 1 }));
      return [await outcomeOf(client.request({ path: '/old' }))];
    },
  },
  {
    name: 'a redirect to another origin (refused)',
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/away', method: 'GET' })
        .reply(recorded(seen, 302, '', { location: 'https://elsewhere.test/x' }));
      return [await outcomeOf(client.request({ path: '/away' }))];
    },
  },
  {
    name: 'a body over the size cap',
    client: { baseUrl: ORIGIN, maxResponseBytes: 16 },
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/big', method: 'GET' })
        .reply(recorded(seen, 200, { data: 'x'.repeat(64) }));
      return [await outcomeOf(client.request({ path: '/big' }))];
    },
  },
  {
    name: 'an error body and header carrying a secret (redacted)',
    client: { baseUrl: ORIGIN, auth: { type: 'bearer', token: 'env:TOKEN' } },
    async run({ pool, client, seen }) {
      pool
        .intercept({ path: '/secret', method: 'GET' })
        .reply(recorded(seen, 401, `bad token ${CANARY}`, { 'x-echo': CANARY }));
      const outcome = await outcomeOf(client.request({ path: '/secret' }));
      return [outcome, JSON.stringify(outcome).includes(CANARY)];
    },
  },
  {
    name: 'a body that is not JSON',
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/broken', method: 'GET' }).reply(recorded(seen, 200, '{"a":'));
      return [await outcomeOf(client.request({ path: '/broken' }))];
    },
  },
  {
    name: 'two identical requests at once (one provider request)',
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/shared', method: 'GET' }).reply(recorded(seen, 200, { one: 1 }));
      const both = [client.request({ path: '/shared' }), client.request({ path: '/shared' })];
      return Promise.all(both.map(outcomeOf));
    },
  },
  {
    name: 'two identical requests, the first caller leaving (the second still answered)',
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/leave', method: 'GET' }).reply(recorded(seen, 200, { kept: 1 }));
      const leaving = new AbortController();
      const first = client.request({ path: '/leave', signal: leaving.signal });
      const second = client.request({ path: '/leave' });
      leaving.abort(new Error('first caller gone'));
      return Promise.all([first, second].map(outcomeOf));
    },
  },
  {
    name: 'the only caller of a cached request aborting',
    async run({ pool, client, seen }) {
      pool.intercept({ path: '/gone', method: 'GET' }).reply(recorded(seen, 200, { never: 1 }));
      const caller = new AbortController();
      const pending = client.request({ path: '/gone', signal: caller.signal });
      caller.abort(new Error('caller gone'));
      const outcome = await outcomeOf(pending);
      await settle();
      return [outcome];
    },
  },
  {
    name: 'an uncached request whose caller aborts during the attempt',
    client: { baseUrl: ORIGIN, cache: false },
    async run({ pool, client, seen }) {
      const caller = new AbortController();
      pool.intercept({ path: '/abort', method: 'GET' }).reply((options) => {
        caller.abort(new Error('caller gone'));
        return recorded(seen, 200, { late: 1 })(options);
      });
      return [await outcomeOf(client.request({ path: '/abort', signal: caller.signal }))];
    },
  },
  {
    name: 'a caller signal that had already aborted',
    async run({ client }) {
      const caller = new AbortController();
      caller.abort(new Error('before'));
      return [await outcomeOf(client.request({ path: '/never', signal: caller.signal }))];
    },
  },
  {
    name: 'a provider that never answers (every attempt times out)',
    dispatcher: silentDispatcher,
    async run({ client, clock }) {
      const pending = outcomeOf(client.request({ path: '/silent' }));
      for (let round = 0; round < 8; round++) {
        await settle();
        clock.releaseHeld();
      }
      return [await pending];
    },
  },
  {
    name: 'requests beyond the concurrency budget (queued, in order)',
    runtime: { rateLimits: { defaultBudget: { concurrency: 1 } } },
    async run({ pool, client, seen }) {
      for (const path of ['/q1', '/q2', '/q3']) {
        pool.intercept({ path, method: 'GET' }).reply(recorded(seen, 200, { path }));
      }
      return Promise.all(['/q1', '/q2', '/q3'].map((path) => outcomeOf(client.request({ path }))));
    },
  },
];

async function runScenario(scenario: Scenario, path: PathName) {
  const dispatcher = scenario.dispatcher?.();
  const test = createTestRuntime({
    ...scenario.runtime,
    ...(dispatcher === undefined ? {} : { dispatcher }),
    // On the stages: an emitter without `isObserved` gets every event. Unobserved: the fast path.
    ...(path === 'stages' ? {} : { events: { emit: () => {}, isObserved: () => false } }),
  });
  const client = test.bound().http(scenario.client ?? { baseUrl: ORIGIN });
  const seen: string[] = [];
  const results = await scenario.run({ pool: test.pool, client, clock: test.clock, seen });
  return { results, seen };
}

describe('the fast path does what the stages do', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const [onStages, onFastPath] = await Promise.all(
        PATHS.map((path) => runScenario(scenario, path)),
      );
      expect(onFastPath).toEqual(onStages);
    },
  );

  it('gives a response the same fields, in the same order, with `url` redacted, on both paths', async () => {
    for (const path of PATHS) {
      const test = createTestRuntime(
        path === 'stages' ? {} : { events: { emit: () => {}, isObserved: () => false } },
      );
      test.pool
        .intercept({ path: (requested) => requested.startsWith('/shape'), method: 'GET' })
        .reply(200, { ok: 1 });
      const response = await test
        .bound()
        .http({ baseUrl: ORIGIN })
        .request({ path: '/shape', query: { api_key: CANARY } });
      expect(Object.keys(response)).toEqual([
        'status',
        'headers',
        'data',
        'url',
        'fromCache',
        'notModified',
        'durationMs',
      ]);
      const copied = { ...response };
      expect(copied.url).toBe(response.url);
      expect(JSON.stringify(response)).toContain('/shape?api_key=');
      expect(JSON.stringify(response)).not.toContain(CANARY);
    }
  });

  it('times an attempt out on the real clock (the shared deadline list) as the stages do', async () => {
    const outcomes: unknown[] = [];
    for (const path of PATHS) {
      const runtime = createRuntime({
        dispatcher: silentDispatcher(),
        timeoutMs: 5,
        retry: { maxRetries: 1, baseDelayMs: 1, random: () => 0 },
        ...(path === 'stages'
          ? { events: { emit: () => {} } }
          : { events: { emit: () => {}, isObserved: () => false } }),
      });
      const client = runtime
        .bind({
          connectorId: 'test',
          packageName: '@evidencekit/test',
          packageVersion: '1.2.3',
          signal: new AbortController().signal,
        })
        .http({ baseUrl: ORIGIN });
      const outcome = (await outcomeOf(client.request({ path: '/slow' }))) as Record<
        string,
        unknown
      >;
      outcomes.push({ ...outcome, durationMs: undefined });
      await runtime.close();
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[0]).toMatchObject({ reason: 'timeout', attempts: [{}, {}] });
  });

  it('keeps secrets out of the redacted error on both paths', async () => {
    const scenario = SCENARIOS.find((each) => each.name.includes('carrying a secret'));
    if (scenario === undefined) throw new Error('scenario missing');
    for (const path of PATHS) {
      const { results } = await runScenario(scenario, path);
      expect(results[1]).toBe(false);
    }
  });
});

describe('which requests take the fast path', () => {
  /** The in-process limiter, counting how each request got its slot. */
  function countingLimiter(options: Parameters<typeof createPerOriginRateLimiter>[0]) {
    const inner = createPerOriginRateLimiter(options);
    const calls = { tryAcquire: 0, granted: 0, schedule: 0 };
    const limiter: RateLimiter = {
      schedule(origin, task, scheduleOptions) {
        calls.schedule += 1;
        return inner.schedule(origin, task, scheduleOptions);
      },
      tryAcquire(origin) {
        calls.tryAcquire += 1;
        const release = inner.tryAcquire?.(origin);
        if (release !== undefined) calls.granted += 1;
        return release;
      },
      observe: (origin, headers) => inner.observe(origin, headers),
    };
    return { limiter, calls };
  }

  function fastRuntime(extra: Parameters<typeof createTestRuntime>[0] = {}) {
    const { limiter, calls } = countingLimiter({ clock: systemClock });
    const test = createTestRuntime({
      rateLimiter: limiter,
      events: { emit: () => {}, isObserved: () => false },
      ...extra,
    });
    return { ...test, calls };
  }

  it.each([
    {
      name: 'a first attempt that succeeds: the fast path only',
      replies: [200],
      expected: { tryAcquire: 1, granted: 1, schedule: 0 },
    },
    {
      name: 'a first attempt that fails: the retry loop schedules attempt 2 on the stages',
      replies: [503, 200],
      expected: { tryAcquire: 1, granted: 1, schedule: 1 },
    },
  ])('$name', async ({ replies, expected }) => {
    const { pool, bound, calls } = fastRuntime();
    for (const status of replies) {
      pool.intercept({ path: '/p', method: 'GET' }).reply(status, { status });
    }
    await bound().http({ baseUrl: ORIGIN }).request({ path: '/p' });
    expect(calls).toEqual(expected);
  });

  it('takes the stages while someone observes request events', async () => {
    const { limiter, calls } = countingLimiter({ clock: systemClock });
    const { pool, bound } = createTestRuntime({
      rateLimiter: limiter,
      events: { emit: () => {}, isObserved: (type) => type === 'request.end' },
    });
    pool.intercept({ path: '/seen', method: 'GET' }).reply(200, {});
    await bound().http({ baseUrl: ORIGIN }).request({ path: '/seen' });
    expect(calls).toEqual({ tryAcquire: 0, granted: 0, schedule: 1 });
  });

  it('takes the stages for a request that has a cached entry', async () => {
    const { pool, bound, calls } = fastRuntime();
    const client = bound().http({ baseUrl: ORIGIN, cache: { ttlMs: 60_000 } });
    pool.intercept({ path: '/c', method: 'GET' }).reply(200, { n: 1 });
    await client.request({ path: '/c' });
    const second = await client.request({ path: '/c' });
    expect(second.fromCache).toBe(true);
    expect(calls).toEqual({ tryAcquire: 1, granted: 1, schedule: 0 });
  });

  it('takes the stages for a custom limiter without tryAcquire', async () => {
    const inner = createPerOriginRateLimiter({ clock: systemClock });
    let scheduled = 0;
    const { pool, bound } = createTestRuntime({
      rateLimiter: {
        schedule(origin, task, options) {
          scheduled += 1;
          return inner.schedule(origin, task, options);
        },
        observe: (origin, headers) => inner.observe(origin, headers),
      },
      events: { emit: () => {}, isObserved: () => false },
    });
    pool.intercept({ path: '/custom', method: 'GET' }).reply(200, {});
    await bound().http({ baseUrl: ORIGIN }).request({ path: '/custom' });
    expect(scheduled).toBe(1);
  });
});
