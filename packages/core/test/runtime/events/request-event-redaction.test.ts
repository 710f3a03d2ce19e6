import diagnosticsChannel from 'node:diagnostics_channel';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/runtime/create-runtime';
import { RUNTIME_EVENT_CHANNELS } from '../../../src/runtime/events/runtime-event-channels';
import type { Logger } from '../../../src/runtime/logger';
import { createRedactor } from '../../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';
import { createFakeClock } from '../support/fake-clock';
import { CANARY, ORIGIN } from '../support/test-runtime';

// Not registered anywhere: only the query-parameter name tells the redactor it is secret.
const QUERY_TOKEN = 'unregistered-query-token-42';

const unsubscribers: Array<() => void> = [];
afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

describe('request events through a real runtime', () => {
  it('carry redacted URLs to a logger and to diagnostics_channel subscribers', async () => {
    const published: unknown[] = [];
    for (const name of Object.values(RUNTIME_EVENT_CHANNELS)) {
      const listener = (message: unknown) => published.push(message);
      diagnosticsChannel.subscribe(name, listener);
      unsubscribers.push(() => diagnosticsChannel.unsubscribe(name, listener));
    }
    const logged: Array<Record<string, unknown>> = [];
    const logger: Logger = {
      debug: (object) => logged.push(object),
      info: (object) => logged.push(object),
      warn: (object) => logged.push(object),
      error: (object) => logged.push(object),
    };
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(ORIGIN);
    const path = `/search?q=${CANARY}&access_token=${QUERY_TOKEN}`;
    // A retry, then an answer with a validator, then a 304: every event type but the limiter's.
    pool.intercept({ path, method: 'GET' }).reply(503, 'busy');
    pool.intercept({ path, method: 'GET' }).reply(200, { ok: true }, { headers: { etag: '"1"' } });
    pool.intercept({ path, method: 'GET', headers: { 'if-none-match': '"1"' } }).reply(304, '');
    const redactor = createRedactor();
    const runtime = createRuntime({
      dispatcher: agent,
      clock: createFakeClock({ hold: (ms) => ms === 30_000 }),
      redactor,
      secrets: createSecretResolver({ redactor, environment: { TOKEN: CANARY } }),
      logger,
      retry: { random: () => 0.5 },
    });
    const client = runtime
      .bind({
        connectorId: 'events',
        packageName: '@evidencekit/test',
        packageVersion: '1.0.0',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: ORIGIN, auth: { type: 'bearer', token: 'env:TOKEN' } });
    const query = { q: CANARY, access_token: QUERY_TOKEN };
    await client.request({ path: '/search', query });
    const revalidated = await client.request({ path: '/search', query });
    expect(revalidated.notModified).toBe(true);

    for (const [where, captured] of [
      ['logger', logged],
      ['diagnostics_channel', published],
    ] as const) {
      const types = captured.map((event) => (event as { type: string }).type);
      expect(types, where).toEqual(
        expect.arrayContaining(['request.start', 'request.end', 'retry', 'cache.revalidated']),
      );
      const text = JSON.stringify(captured);
      expect(text, where).not.toContain(CANARY);
      expect(text, where).not.toContain(QUERY_TOKEN);
      const start = captured.find((event) => (event as { type: string }).type === 'request.start');
      expect(start, where).toMatchObject({ url: expect.stringContaining(`${ORIGIN}/search?`) });
    }
  });
});
