import { HttpResponse, http } from 'msw';
import * as undici from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProviderMockServer,
  describeRecordedRequest,
  mockProviderRoutes,
  UnhandledProviderRequestError,
} from '../src/index';

const baseUrl = 'https://api.provider.test';
let hits = 0;
const server = createProviderMockServer(
  http.get(`${baseUrl}/ping`, () => {
    hits += 1;
    return HttpResponse.json({ pong: true });
  }),
);
beforeAll(() => server.listen());
afterAll(() => server.close());

describe('createProviderMockServer', () => {
  it.each([
    ['undici.request', async () => (await undici.request(`${baseUrl}/ping`)).body.json()],
    [
      'undici Pool',
      async () => {
        const pool = new undici.Pool(baseUrl);
        try {
          return await (await pool.request({ path: '/ping', method: 'GET' })).body.json();
        } finally {
          await pool.close();
        }
      },
    ],
    [
      'undici Agent',
      async () =>
        (
          await new undici.Agent().request({ origin: baseUrl, path: '/ping', method: 'GET' })
        ).body.json(),
    ],
    ['global fetch', async () => (await fetch(`${baseUrl}/ping`)).json()],
  ])('intercepts %s, hitting the handler exactly once', async (_client, send) => {
    hits = 0;
    await expect(send()).resolves.toEqual({ pong: true });
    expect(hits).toBe(1);
  });

  it('answers an unmocked request with a network error and names it', async () => {
    await expect(undici.request(`${baseUrl}/nowhere?x=1`)).rejects.toThrow();
    expect(() => server.assertNoUnhandledRequests()).toThrow(UnhandledProviderRequestError);
    expect(server.unhandledRequests).toEqual([]);
    await expect(fetch(`${baseUrl}/other`, { method: 'DELETE' })).rejects.toThrow();
    expect(() => server.assertNoUnhandledRequests()).toThrow(`DELETE ${baseUrl}/other`);
  });

  it('records method, URL, headers (secrets included, for the test) and body', async () => {
    server.clearRecords();
    server.use(http.post(`${baseUrl}/items`, () => HttpResponse.json({ id: 1 }, { status: 201 })));
    await undici.request(`${baseUrl}/items`, {
      method: 'POST',
      headers: { authorization: 'Bearer s3cr3t-value', 'if-none-match': '"v1"' },
      body: JSON.stringify({ name: 'a' }),
    });
    await new Promise((resolve) => setImmediate(resolve));
    const [recorded] = server.recorder.find('POST /items', baseUrl);
    expect(recorded?.headers.authorization).toBe('Bearer s3cr3t-value');
    expect(recorded?.headers['if-none-match']).toBe('"v1"');
    expect(JSON.parse(recorded?.body ?? '')).toEqual({ name: 'a' });
    expect(recorded === undefined ? '' : describeRecordedRequest(recorded)).not.toContain('s3cr3t');
    server.resetHandlers();
  });
});

describe('mockProviderRoutes', () => {
  it('serves per-call sequences (the last reply repeats), status and headers', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, {
        'GET /repos/:owner/runs': [
          { status: 503 },
          { json: { runs: 1 }, headers: { etag: '"abc"' } },
        ],
        'GET /broken': { networkError: true },
        'GET /echo/:name': ({ params, call }) => ({ json: { name: params.name, call } }),
      }),
    );
    const first = await undici.request(`${baseUrl}/repos/acme/runs`);
    await first.body.dump();
    const second = await undici.request(`${baseUrl}/repos/acme/runs`);
    const third = await undici.request(`${baseUrl}/repos/acme/runs`);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([503, 200, 200]);
    expect(second.headers.etag).toBe('"abc"');
    expect(await third.body.json()).toEqual({ runs: 1 });
    await second.body.dump();
    await expect(undici.request(`${baseUrl}/broken`)).rejects.toThrow();
    expect(await (await undici.request(`${baseUrl}/echo/zoe`)).body.json()).toEqual({
      name: 'zoe',
      call: 1,
    });
    expect(server.recorder.count('GET /repos/:owner/runs', baseUrl)).toBe(3);
    server.resetHandlers();
  });
});
