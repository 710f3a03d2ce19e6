// A failure inside a request that is not a network failure (an invalid header, a module that
// did not load, a bug) must say what it is: one attempt, its message kept and redacted, a
// `connector_error` reason. It used to be "the connection failed", retried four times.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { createRuntime } from '../../../src/runtime/create-runtime';
import type { RuntimeEvent } from '../../../src/runtime/events/runtime-event';
import { createRedactor } from '../../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';
import { createFakeClock } from '../support/fake-clock';
import { CANARY } from '../support/test-runtime';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

/** A runtime whose dispatcher throws `thrown` on every request, counting them. */
function runtimeWithThrowingDispatcher(thrown: () => unknown) {
  let calls = 0;
  const redactor = createRedactor();
  const events: RuntimeEvent[] = [];
  const runtime = createRuntime({
    dispatcher: {
      request() {
        calls += 1;
        return Promise.reject(thrown());
      },
    } as never,
    clock: createFakeClock({ hold: (ms) => ms === 30_000 }),
    redactor,
    secrets: createSecretResolver({ redactor, environment: { TOKEN: CANARY } }),
    events: { emit: (event) => events.push(event) },
    retry: { random: () => 0.5 },
  });
  const client = runtime
    .bind({
      connectorId: 'test',
      packageName: '@evidencekit/test',
      packageVersion: '1.0.0',
      signal: new AbortController().signal,
    })
    .http({ baseUrl: 'https://api.provider.test', auth: { type: 'bearer', token: 'env:TOKEN' } });
  return { client, events, calls: () => calls, runtime };
}

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  const caught = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
  expect(ApiCallError.isInstance(caught)).toBe(true);
  return caught as ApiCallError;
}

describe('a failure inside a request that is not a network failure', () => {
  it.each([
    ['a TypeError quoting the credential', () => new TypeError(`bad header Bearer ${CANARY}`)],
    [
      'undici refusing a header',
      () =>
        Object.assign(new Error(`invalid authorization header: Bearer ${CANARY}`), {
          code: 'UND_ERR_INVALID_ARG',
        }),
    ],
    [
      'a dynamic require in a bundle',
      () => new Error(`Dynamic require of "node:assert" is not supported ${CANARY}`),
    ],
  ])('%s: one attempt, the message kept, the secret redacted', async (_label, thrown) => {
    const { client, events, calls, runtime } = runtimeWithThrowingDispatcher(thrown);
    const error = await failure(client.request({ path: '/status' }));
    const original = thrown() as Error;

    expect(calls()).toBe(1);
    expect(error).toMatchObject({ reason: 'connector_error', isRetryable: false });
    expect(error.attempts).toHaveLength(1);
    // The message says what happened, minus the secret.
    const kept = original.message.replace(CANARY, '[REDACTED]');
    expect(error.message).toContain(kept);
    expect(error.message).not.toContain('the connection failed');
    // The debug event carries it too.
    const end = events.find((event) => event.type === 'request.end');
    expect(end).toMatchObject({ error: 'connector_error' });
    expect(end && 'message' in end ? end.message : undefined).toContain(kept);
    expect(events.some((event) => event.type === 'retry')).toBe(false);
    // Nowhere, in any form.
    const everything = JSON.stringify([error, error.message, events]);
    expect(everything).not.toContain(CANARY);
    await runtime.close();
  });

  it('still retries a network failure', async () => {
    const { client, calls, runtime } = runtimeWithThrowingDispatcher(() =>
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    );
    const error = await failure(client.request({ path: '/status' }));
    expect(error).toMatchObject({ reason: 'transient', isRetryable: true });
    expect(calls()).toBe(4);
    await runtime.close();
  });

  it('reports a header value undici refuses, with undici own dispatcher, without retrying', async () => {
    let received = 0;
    const server = createServer((_request, response) => {
      received += 1;
      response.end('{}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const events: RuntimeEvent[] = [];
    const runtime = createRuntime({
      clock: createFakeClock({ hold: (ms) => ms === 30_000 }),
      events: { emit: (event) => events.push(event) },
    });
    const client = runtime
      .bind({
        connectorId: 'test',
        packageName: '@evidencekit/test',
        packageVersion: '1.0.0',
        signal: new AbortController().signal,
      })
      .http({ baseUrl: origin, headers: { 'x-tenant': 'acme\r\ninjected: yes' } });
    const error = await failure(client.request({ path: '/status' }));
    expect(error.reason).toBe('connector_error');
    expect(error.message).toContain('UND_ERR_INVALID_ARG');
    expect(error.message).toMatch(/x-tenant/i);
    expect(events.filter((event) => event.type === 'request.start')).toHaveLength(1);
    expect(received).toBe(0);
    await runtime.close();
  });
});
