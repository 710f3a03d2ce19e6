import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { InvalidResponseError } from '../../../src/errors/invalid-response-error';
import { RedirectError } from '../../../src/errors/redirect-error';
import { ResponseTooLargeError } from '../../../src/errors/response-too-large-error';
import { createRuntime } from '../../../src/runtime/create-runtime';
import { createFakeClock } from '../support/fake-clock';
import { CANARY, createTestRuntime, ORIGIN } from '../support/test-runtime';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('HTTP client', () => {
  it('sends the bearer token resolved at request time and the user agent', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({
        path: '/me',
        method: 'GET',
        headers: {
          authorization: `Bearer ${CANARY}`,
          'user-agent': 'evidencekit/@evidencekit/test/1.2.3',
        },
      })
      .reply(200, { login: 'octo' });
    const client = bound().http({ baseUrl: ORIGIN, auth: { type: 'bearer', token: 'env:TOKEN' } });
    expect(await client.getJson('/me', z.object({ login: z.string() }))).toEqual({ login: 'octo' });
  });

  it('sends a custom header credential with its prefix', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({
        path: '/alerts',
        method: 'GET',
        headers: { authorization: `GenieKey ${CANARY}` },
      })
      .reply(200, []);
    const client = bound().http({
      baseUrl: ORIGIN,
      auth: { type: 'header', name: 'Authorization', prefix: 'GenieKey ', value: 'env:TOKEN' },
    });
    expect((await client.request({ path: '/alerts' })).data).toEqual([]);
  });

  it('never leaks the secret into an error, its JSON or its inspection', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: `/x?api_key=${CANARY}`, method: 'GET' })
      .reply(401, `bad token ${CANARY}`, { headers: { 'x-echo': CANARY } });
    const client = bound().http({ baseUrl: ORIGIN, auth: { type: 'bearer', token: 'env:TOKEN' } });
    const error = await failure(client.request({ path: '/x', query: { api_key: CANARY } }));
    expect(ApiCallError.isInstance(error)).toBe(true);
    for (const text of [
      JSON.stringify(error),
      (error as Error).message,
      inspect(error, { depth: 10 }),
    ]) {
      expect(text).not.toContain(CANARY);
    }
    expect((error as ApiCallError).reason).toBe('auth');
  });

  it('turns malformed JSON into InvalidResponseError with a redacted excerpt', async () => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/j', method: 'GET' }).reply(200, `{"token":"${CANARY}",`);
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/j' }));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).reason).toBe('invalid_response');
    expect(JSON.stringify(error)).not.toContain(CANARY);
  });

  it('names the zod path of a schema mismatch', async () => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/runs', method: 'GET' }).reply(200, { runs: [{ status: 3 }] });
    const schema = z.object({ runs: z.array(z.object({ status: z.string() })) });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).getJson('/runs', schema));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).issues[0]?.path).toBe('runs.0.status');
    expect((error as Error).message).toContain('runs.0.status');
  });

  it('refuses a body whose content-length exceeds the cap without reading it', async () => {
    const { pool, bound } = createTestRuntime({ maxResponseBytes: 10 });
    pool
      .intercept({ path: '/big', method: 'GET' })
      .reply(200, 'x'.repeat(100), { headers: { 'content-length': '100' } });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/big' }));
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('announced 100 bytes');
  });

  it('stops reading a streamed body once it crosses the cap', async () => {
    let written = 0;
    const origin = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => {
        if (response.destroyed) return clearInterval(timer);
        written += 1024;
        response.write('x'.repeat(1024));
      }, 1);
      response.on('close', () => clearInterval(timer));
    });
    const runtime = createRuntime({
      maxResponseBytes: 4096,
      clock: createFakeClock({ hold: () => true }),
    });
    const client = runtime
      .bind({
        connectorId: 't',
        packageName: 'p',
        packageVersion: '1',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: origin, cache: false });
    const error = await failure(client.request({ path: '/' }));
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(written).toBeLessThan(1024 * 1024);
    await runtime.close();
  });

  it('turns a connection reset into a retried transient error', async () => {
    let calls = 0;
    const origin = await listen((request, response) => {
      calls += 1;
      if (calls === 1) {
        request.socket.destroy();
        return;
      }
      response.end('{"ok":true}');
    });
    const runtime = createRuntime({ clock: createFakeClock({ hold: (ms) => ms === 30_000 }) });
    const client = runtime
      .bind({
        connectorId: 't',
        packageName: 'p',
        packageVersion: '1',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: origin });
    expect((await client.request({ path: '/' })).data).toEqual({ ok: true });
    expect(calls).toBe(2);
    await runtime.close();
  });

  it('times out an attempt that never answers', async () => {
    const origin = await listen(() => {
      // Never answers.
    });
    const clock = createFakeClock({ hold: (ms) => ms === 1000 });
    const runtime = createRuntime({ clock, timeoutMs: 1000, retry: { maxRetries: 0 } });
    const client = runtime
      .bind({
        connectorId: 't',
        packageName: 'p',
        packageVersion: '1',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: origin });
    const pending = failure(client.request({ path: '/' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.releaseHeld();
    const error = await pending;
    expect((error as ApiCallError).reason).toBe('timeout');
    await runtime.close();
  });

  it('cancels a request in flight when the caller aborts', async () => {
    const origin = await listen(() => {});
    const controller = new AbortController();
    const runtime = createRuntime({ clock: createFakeClock({ hold: () => true }) });
    const client = runtime
      .bind({ connectorId: 't', packageName: 'p', packageVersion: '1', signal: controller.signal })
      .http({ baseUrl: origin, cache: false });
    const pending = failure(client.request({ path: '/' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await pending;
    expect((error as ApiCallError).reason).toBe('cancelled');
    expect((error as ApiCallError).isRetryable).toBe(false);
    await runtime.close();
  });

  it('reuses one keep-alive connection per origin', async () => {
    const sockets = new Set<unknown>();
    const origin = await listen((request, response) => {
      sockets.add(request.socket);
      response.end('{}');
    });
    const runtime = createRuntime({ clock: createFakeClock({ hold: (ms) => ms === 30_000 }) });
    const client = runtime
      .bind({
        connectorId: 't',
        packageName: 'p',
        packageVersion: '1',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: origin, cache: false });
    for (let index = 0; index < 3; index++) await client.request({ path: `/${index}` });
    // Without keep-alive every request opens its own socket; undici may open a second one
    // while the first is being released, so the bound is "fewer than one per request".
    expect(sockets.size).toBeLessThan(3);
    await runtime.close();
  });

  it('detects a redirect loop', async () => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/a', method: 'GET' }).reply(302, '', { headers: { location: '/b' } });
    pool.intercept({ path: '/b', method: 'GET' }).reply(302, '', { headers: { location: '/a' } });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/a' }));
    expect(RedirectError.isInstance(error)).toBe(true);
    expect((error as RedirectError).kind).toBe('loop');
  });

  it.each([
    ['backslashes read as slashes', '\\\\elsewhere.test/steal'],
    ['another scheme without slashes', 'https:elsewhere.test/steal'],
    ['another scheme and backslashes', 'https:\\\\elsewhere.test/steal'],
  ])('never sends credentials to another host named by a path with %s', async (_name, path) => {
    const { bound } = createTestRuntime({ retry: { maxRetries: 0 } });
    const client = bound().http({
      baseUrl: 'http://api.provider.test',
      auth: { type: 'bearer', token: 'env:TOKEN' },
    });
    const error = await failure(client.request({ path }));
    expect(error).toMatchObject({ reason: 'config', isRetryable: false });
    expect((error as Error).message).toContain('another origin');
  });

  it('reports a redirect to a Location that is not a URL as an invalid answer, not retried', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/a', method: 'GET' })
      .reply(302, '', { headers: { location: 'http://[not-an-address' } });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/a' }));
    expect(error).toMatchObject({ reason: 'invalid_response', isRetryable: false, status: 302 });
    expect((error as ApiCallError).attempts).toHaveLength(1);
  });

  it('refuses a cross-origin redirect', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/a', method: 'GET' })
      .reply(301, '', { headers: { location: 'https://elsewhere.test/a' } });
    const error = await failure(bound().http({ baseUrl: ORIGIN }).request({ path: '/a' }));
    expect((error as RedirectError).kind).toBe('cross_origin');
  });
});
