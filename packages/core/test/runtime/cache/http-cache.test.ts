import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import type { CachedResponse, CacheStore } from '../../../src/runtime/cache/cache-store';
import { createControlledDispatcher } from '../support/controlled-dispatcher';
import { CANARY, createTestRuntime, ORIGIN } from '../support/test-runtime';

const OTHER_TOKEN = 'other-tenant-token-123';

/** A Map-backed store that records what the runtime asks of it. */
function createMapStore() {
  const entries = new Map<string, CachedResponse>();
  const calls: string[] = [];
  const store: CacheStore = {
    get(key) {
      calls.push('get');
      return entries.get(key);
    },
    set(key, entry) {
      calls.push('set');
      entries.set(key, entry);
    },
    delete(key) {
      calls.push('delete');
      entries.delete(key);
    },
  };
  return { store, entries, calls };
}

/** Lets every pending promise chain and I/O callback run once. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
}

describe('HTTP cache', () => {
  it('serves a fresh entry without a request until the TTL passes', async () => {
    const { pool, bound, clock, events } = createTestRuntime();
    pool.intercept({ path: '/ttl', method: 'GET' }).reply(200, { version: 1 });
    const client = bound().http({ baseUrl: ORIGIN, cache: { ttlMs: 60_000 } });

    const first = await client.request({ path: '/ttl' });
    clock.advance(59_999);
    const second = await client.request({ path: '/ttl' });
    expect(first).toMatchObject({ data: { version: 1 }, fromCache: false });
    expect(second).toMatchObject({ data: { version: 1 }, fromCache: true, notModified: false });
    expect(events.filter((event) => event.type === 'cache.hit')).toHaveLength(1);

    // Past the TTL the provider is asked again (the MockAgent would refuse a missing intercept).
    pool.intercept({ path: '/ttl', method: 'GET' }).reply(200, { version: 2 });
    clock.advance(2);
    const third = await client.request({ path: '/ttl' });
    expect(third).toMatchObject({ data: { version: 2 }, fromCache: false });
  });

  it.each([
    ['ETag', { etag: '"v1"' }, { 'if-none-match': '"v1"' }],
    [
      'Last-Modified',
      { 'last-modified': 'Wed, 31 Dec 2025 10:00:00 GMT' },
      { 'if-modified-since': 'Wed, 31 Dec 2025 10:00:00 GMT' },
    ],
  ] as const)(
    'revalidates with %s and serves a 304 from the cache',
    async (_name, validator, conditional) => {
      const { pool, bound, events } = createTestRuntime();
      pool
        .intercept({ path: '/repo', method: 'GET' })
        .reply(200, { name: 'evidencekit' }, { headers: validator });
      // The second intercept matches only when the conditional header is sent.
      pool.intercept({ path: '/repo', method: 'GET', headers: conditional }).reply(304, '');
      const client = bound().http({ baseUrl: ORIGIN });

      await client.request({ path: '/repo' });
      const revalidated = await client.request({ path: '/repo' });
      expect(revalidated).toMatchObject({
        status: 200,
        data: { name: 'evidencekit' },
        fromCache: true,
        notModified: true,
      });
      expect(events.filter((event) => event.type === 'cache.revalidated')).toEqual([
        expect.objectContaining({ url: `${ORIGIN}/repo`, notModified: true }),
      ]);
    },
  );

  it('replaces the entry when a revalidation answers 200', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/r', method: 'GET' })
      .reply(200, { v: 1 }, { headers: { etag: '"1"' } });
    pool
      .intercept({ path: '/r', method: 'GET', headers: { 'if-none-match': '"1"' } })
      .reply(200, { v: 2 }, { headers: { etag: '"2"' } });
    pool
      .intercept({ path: '/r', method: 'GET', headers: { 'if-none-match': '"2"' } })
      .reply(304, '');
    const client = bound().http({ baseUrl: ORIGIN });
    await client.request({ path: '/r' });
    expect((await client.request({ path: '/r' })).data).toEqual({ v: 2 });
    expect(await client.request({ path: '/r' })).toMatchObject({
      data: { v: 2 },
      notModified: true,
    });
  });

  it('never treats a 304 as an answer when nothing was cached', async () => {
    const { pool, bound } = createTestRuntime({ retry: { maxRetries: 0 } });
    pool.intercept({ path: '/cold', method: 'GET' }).reply(304, '');
    const error = await rejection(bound().http({ baseUrl: ORIGIN }).request({ path: '/cold' }));
    expect(ApiCallError.isInstance(error)).toBe(true);
  });

  it('shares one request between identical concurrent GETs', async () => {
    const controlled = createControlledDispatcher();
    const { bound } = createTestRuntime({ dispatcher: controlled.dispatcher });
    const client = bound().http({ baseUrl: ORIGIN, auth: { type: 'bearer', token: 'env:TOKEN' } });

    const responses = Promise.all(
      Array.from({ length: 5 }, () => client.request({ path: '/shared' })),
    );
    await controlled.whenHeld(1);
    await settle();
    controlled.held[0]?.respond(200, { items: [1, 2, 3] });
    const answers = await responses;

    expect(controlled.total).toBe(1);
    for (const answer of answers) expect(answer.data).toEqual({ items: [1, 2, 3] });
  });

  it('never hands an accepted error status to a concurrent caller that did not accept it', async () => {
    const controlled = createControlledDispatcher();
    const { bound } = createTestRuntime({ dispatcher: controlled.dispatcher });
    const client = bound().http({ baseUrl: ORIGIN });

    const probing = client.request({ path: '/maybe', acceptStatus: [404] });
    const reading = rejection(client.request({ path: '/maybe' }));
    await controlled.whenHeld(2);
    await settle();
    for (const held of [...controlled.held]) held.respond(404, { message: 'Not Found' });

    expect((await probing).status).toBe(404);
    const error = await reading;
    expect(ApiCallError.isInstance(error) && error.reason).toBe('not_found');
    expect(controlled.total).toBe(2);
  });

  it('lets one caller abort without cancelling the others', async () => {
    const controlled = createControlledDispatcher();
    const { bound } = createTestRuntime({ dispatcher: controlled.dispatcher });
    const client = bound().http({ baseUrl: ORIGIN });
    const leaving = new AbortController();

    const staying = [client.request({ path: '/s' }), client.request({ path: '/s' })];
    const left = rejection(client.request({ path: '/s', signal: leaving.signal }));
    await controlled.whenHeld(1);
    await settle();
    leaving.abort(new Error('target cancelled'));

    const error = await left;
    expect(ApiCallError.isInstance(error) && error.reason).toBe('cancelled');
    expect(controlled.held).toHaveLength(1);
    controlled.held[0]?.respond(200, { ok: true });
    for (const answer of await Promise.all(staying)) expect(answer.data).toEqual({ ok: true });
    expect(controlled.total).toBe(1);
  });

  it('aborts the shared request once every caller has left', async () => {
    const controlled = createControlledDispatcher();
    const { bound } = createTestRuntime({ dispatcher: controlled.dispatcher });
    const client = bound().http({ baseUrl: ORIGIN });
    const first = new AbortController();
    const second = new AbortController();
    const pending = [
      rejection(client.request({ path: '/gone', signal: first.signal })),
      rejection(client.request({ path: '/gone', signal: second.signal })),
    ];
    await controlled.whenHeld(1);
    await settle();
    first.abort();
    second.abort();
    for (const error of await Promise.all(pending)) {
      expect(ApiCallError.isInstance(error) && error.reason).toBe('cancelled');
    }
    expect(controlled.inFlight).toBe(0);
  });

  it('keeps tenants apart and never puts a secret in a key', async () => {
    const { store, entries } = createMapStore();
    const { pool, bound } = createTestRuntime({ cacheStore: store });
    pool
      .intercept({
        path: `/me?api_key=${CANARY}`,
        method: 'GET',
        headers: { authorization: `Bearer ${CANARY}` },
      })
      .reply(200, { tenant: 'a' });
    pool
      .intercept({
        path: `/me?api_key=${CANARY}`,
        method: 'GET',
        headers: { authorization: `Bearer ${OTHER_TOKEN}` },
      })
      .reply(200, { tenant: 'b' });
    const runtime = bound();
    const tenantA = runtime.http({
      baseUrl: ORIGIN,
      auth: { type: 'bearer', token: 'env:TOKEN' },
      cache: { ttlMs: 60_000 },
    });
    const tenantB = runtime.http({
      baseUrl: ORIGIN,
      auth: { type: 'bearer', token: 'env:OTHER_TOKEN' },
      cache: { ttlMs: 60_000 },
    });

    const query = { api_key: CANARY };
    expect((await tenantA.request({ path: '/me', query })).data).toEqual({ tenant: 'a' });
    expect((await tenantB.request({ path: '/me', query })).data).toEqual({ tenant: 'b' });
    // Both are cached now, each under its own key.
    expect(await tenantA.request({ path: '/me', query })).toMatchObject({
      data: { tenant: 'a' },
      fromCache: true,
    });
    expect(await tenantB.request({ path: '/me', query })).toMatchObject({
      data: { tenant: 'b' },
      fromCache: true,
    });

    const keys = [...entries.keys()];
    expect(keys).toHaveLength(2);
    const forms = [CANARY, OTHER_TOKEN, Buffer.from(CANARY).toString('base64'), 'api_key', '/me'];
    for (const key of keys) for (const form of forms) expect(key).not.toContain(form);
  });

  it('keeps apart clients whose tenant or token travels in a plain header', async () => {
    const { store, entries } = createMapStore();
    const { pool, bound } = createTestRuntime({ cacheStore: store });
    for (const token of [CANARY, OTHER_TOKEN]) {
      pool
        .intercept({ path: '/projects', method: 'GET', headers: { 'private-token': token } })
        .reply(200, { token: token === CANARY ? 'a' : 'b' }, { headers: { etag: '"same"' } });
    }
    const runtime = bound();
    const options = { baseUrl: ORIGIN, cache: { ttlMs: 60_000 } };
    const tenantA = runtime.http({ ...options, headers: { 'PRIVATE-TOKEN': CANARY } });
    const tenantB = runtime.http({ ...options, headers: { 'PRIVATE-TOKEN': OTHER_TOKEN } });
    expect((await tenantA.request({ path: '/projects' })).data).toEqual({ token: 'a' });
    expect((await tenantB.request({ path: '/projects' })).data).toEqual({ token: 'b' });
    expect(entries.size).toBe(2);
    for (const key of entries.keys()) {
      expect(key).not.toContain(CANARY);
      expect(key).not.toContain(OTHER_TOKEN);
    }
  });

  it('revalidates with the validators of the latest 304', async () => {
    const { pool, bound } = createTestRuntime();
    const first = 'Wed, 31 Dec 2025 10:00:00 GMT';
    const second = 'Thu, 01 Jan 2026 10:00:00 GMT';
    pool
      .intercept({ path: '/m', method: 'GET' })
      .reply(200, { v: 1 }, { headers: { 'last-modified': first } });
    pool
      .intercept({ path: '/m', method: 'GET', headers: { 'if-modified-since': first } })
      .reply(304, '', { headers: { 'last-modified': second } });
    pool
      .intercept({ path: '/m', method: 'GET', headers: { 'if-modified-since': second } })
      .reply(304, '');
    const client = bound().http({ baseUrl: ORIGIN });
    await client.request({ path: '/m' });
    await client.request({ path: '/m' });
    expect(await client.request({ path: '/m' })).toMatchObject({
      data: { v: 1 },
      notModified: true,
    });
  });

  it('never caches a POST', async () => {
    const { store, calls } = createMapStore();
    const { pool, bound } = createTestRuntime({ cacheStore: store });
    pool
      .intercept({ path: '/search', method: 'POST' })
      .reply(200, { n: 1 }, { headers: { etag: '"x"' } });
    pool
      .intercept({ path: '/search', method: 'POST' })
      .reply(200, { n: 2 }, { headers: { etag: '"x"' } });
    const client = bound().http({ baseUrl: ORIGIN, cache: { ttlMs: 60_000 } });
    expect((await client.request({ method: 'POST', path: '/search', body: {} })).data).toEqual({
      n: 1,
    });
    expect((await client.request({ method: 'POST', path: '/search', body: {} })).data).toEqual({
      n: 2,
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['the client option cache: false', { cache: false }, {}, {}],
    ['the request option cache: no-store', { cache: { ttlMs: 60_000 } }, { cache: 'no-store' }, {}],
    [
      'a Cache-Control: no-store answer',
      { cache: { ttlMs: 60_000 } },
      {},
      { 'cache-control': 'no-store' },
    ],
  ] as const)('opts out with %s', async (_name, clientOptions, requestOptions, responseHeaders) => {
    const { store, entries } = createMapStore();
    const { pool, bound } = createTestRuntime({ cacheStore: store });
    const headers = { etag: '"same"', ...responseHeaders };
    pool.intercept({ path: '/o', method: 'GET' }).reply(200, { n: 1 }, { headers });
    pool.intercept({ path: '/o', method: 'GET' }).reply(200, { n: 2 }, { headers });
    const client = bound().http({ baseUrl: ORIGIN, ...clientOptions });
    const first = await client.request({ path: '/o', ...requestOptions });
    const second = await client.request({ path: '/o', ...requestOptions });
    expect([first.data, second.data]).toEqual([{ n: 1 }, { n: 2 }]);
    expect(second.fromCache).toBe(false);
    expect(entries.size).toBe(0);
  });

  it('uses the CacheStore passed to createRuntime', async () => {
    const { store, entries, calls } = createMapStore();
    const { pool, bound } = createTestRuntime({ cacheStore: store });
    pool
      .intercept({ path: '/c', method: 'GET' })
      .reply(200, { ok: 1 }, { headers: { etag: '"e"' } });
    const client = bound().http({ baseUrl: ORIGIN, cache: { ttlMs: 1000 } });
    await client.request({ path: '/c' });
    expect(await client.request({ path: '/c' })).toMatchObject({ fromCache: true });
    expect(calls).toEqual(['get', 'set', 'get']);
    const [entry] = entries.values();
    expect(entry).toMatchObject({ status: 200, etag: '"e"', body: '{"ok":1}' });
  });

  it('stores nothing when the host turns caching off', async () => {
    const { pool, bound } = createTestRuntime({ cacheStore: false });
    pool
      .intercept({ path: '/f', method: 'GET' })
      .reply(200, { n: 1 }, { headers: { etag: '"f"' } });
    pool
      .intercept({ path: '/f', method: 'GET' })
      .reply(200, { n: 2 }, { headers: { etag: '"f"' } });
    const client = bound().http({ baseUrl: ORIGIN, cache: { ttlMs: 60_000 } });
    await client.request({ path: '/f' });
    expect((await client.request({ path: '/f' })).data).toEqual({ n: 2 });
  });
});
