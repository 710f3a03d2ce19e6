import { describe, expect, it } from 'vitest';
import { ClientContext } from '../../../src/runtime/http/client-context';
import { OriginDispatchers } from '../../../src/runtime/http/origin-dispatchers';
import { REQUEST_STAGE_ORDER, requestStages } from '../../../src/runtime/http/request-pipeline';
import { createPerOriginRateLimiter } from '../../../src/runtime/rate-limit/per-origin-rate-limiter';
import { createRedactor } from '../../../src/runtime/redaction/redactor';
import { systemClock } from '../../../src/runtime/retry/clock';
import { resolveRetryPolicy } from '../../../src/runtime/retry/retry-policy';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';
import { createControlledDispatcher } from '../support/controlled-dispatcher';
import { createTestRuntime, ORIGIN } from '../support/test-runtime';

describe('the request pipeline', () => {
  it('composes its stages in the documented order', () => {
    const redactor = createRedactor();
    const context = new ClientContext(
      { baseUrl: ORIGIN },
      {
        dispatchers: new OriginDispatchers(),
        rateLimiter: createPerOriginRateLimiter({ clock: systemClock }),
        cache: undefined,
        clock: systemClock,
        redactor,
        secrets: createSecretResolver({ redactor }),
        events: { emit: () => {} },
        retryPolicy: resolveRetryPolicy(),
        defaultTimeoutMs: 1000,
        defaultMaxResponseBytes: 1024,
        userAgent: 'test',
      },
    );
    const stages = requestStages(context);
    expect(stages.map((stage) => stage.name)).toEqual([...REQUEST_STAGE_ORDER]);
    expect(REQUEST_STAGE_ORDER).toEqual([
      'cache',
      'retry',
      'rate-limit',
      'attempt',
      'redirects',
      'destination',
    ]);
  });

  it('shares one flight across retries: the cache is outside the retry loop', async () => {
    const controlled = createControlledDispatcher();
    const { bound } = createTestRuntime({ dispatcher: controlled.dispatcher });
    const client = bound().http({ baseUrl: ORIGIN });
    const first = client.request({ path: '/shared' });
    const second = client.request({ path: '/shared' });
    await controlled.whenHeld(1);
    controlled.held[0]?.respond(503, { message: 'busy' });
    await controlled.whenHeld(1);
    controlled.held[0]?.respond(200, { ok: true });
    const [a, b] = await Promise.all([first, second]);
    expect(a.data).toEqual({ ok: true });
    expect(b.data).toEqual({ ok: true });
    // Two attempts in all, not two per caller.
    expect(controlled.total).toBe(2);
  });

  it('runs every retry through the rate limiter: the limiter is inside the retry loop', async () => {
    const scheduled: string[] = [];
    const { pool, runtime } = createTestRuntime({
      rateLimiter: {
        schedule: (origin, task) => {
          scheduled.push(origin);
          return task();
        },
        observe: () => {},
      },
    });
    pool.intercept({ path: '/r', method: 'GET' }).reply(503, {});
    pool.intercept({ path: '/r', method: 'GET' }).reply(200, { ok: true });
    const client = runtime
      .bind({
        connectorId: 't',
        packageName: 'p',
        packageVersion: '1',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: ORIGIN, cache: false });
    await client.request({ path: '/r' });
    expect(scheduled).toEqual([ORIGIN, ORIGIN]);
  });
});
