import { describe, expect, it } from 'vitest';
import { createLruCacheStore } from '../../../src/runtime/cache/cache-store';
import { createTestRuntime, ORIGIN } from '../support/test-runtime';

describe('HttpResponse.durationMs', () => {
  it('is the last attempt alone: the failed attempt and the Retry-After wait are left out', async () => {
    const { pool, bound, clock } = createTestRuntime({ cacheStore: false });
    pool.intercept({ path: '/health', method: 'GET' }).reply(() => {
      clock.advance(700);
      return {
        statusCode: 503,
        data: 'busy',
        responseOptions: { headers: { 'retry-after': '5' } },
      };
    });
    pool.intercept({ path: '/health', method: 'GET' }).reply(() => {
      clock.advance(40);
      return { statusCode: 200, data: { status: 'pass' } };
    });
    const response = await bound().http({ baseUrl: ORIGIN }).request({ path: '/health' });
    expect(clock.sleeps).toContain(5000);
    expect(response).toMatchObject({ status: 200, durationMs: 40 });
  });

  it('is 0 for an answer still fresh in the cache, and the revalidation time for a 304', async () => {
    const { pool, bound, clock } = createTestRuntime({ cacheStore: createLruCacheStore() });
    pool.intercept({ path: '/status', method: 'GET' }).reply(() => {
      clock.advance(30);
      return {
        statusCode: 200,
        data: { ok: true },
        responseOptions: { headers: { etag: '"v1"' } },
      };
    });
    pool
      .intercept({ path: '/status', method: 'GET', headers: { 'if-none-match': '"v1"' } })
      .reply(() => {
        clock.advance(12);
        return { statusCode: 304, data: '' };
      });
    const fresh = bound().http({ baseUrl: ORIGIN, cache: { ttlMs: 60_000 } });
    expect(await fresh.request({ path: '/status' })).toMatchObject({ durationMs: 30 });
    expect(await fresh.request({ path: '/status' })).toMatchObject({
      fromCache: true,
      durationMs: 0,
    });
    clock.advance(60_000);
    const revalidating = bound().http({ baseUrl: ORIGIN });
    expect(await revalidating.request({ path: '/status' })).toMatchObject({
      notModified: true,
      durationMs: 12,
    });
  });
});
