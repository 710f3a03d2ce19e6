import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { DestinationRefusedError } from '../../../src/errors/destination-refused-error';
import { createRuntime, type Runtime } from '../../../src/runtime/create-runtime';
import type { DestinationPolicy } from '../../../src/runtime/http/destination-policy';
import type { HostResolver } from '../../../src/runtime/http/host-resolver';
import { createFakeClock } from '../support/fake-clock';
import { resolverFromTable } from '../support/resolver-from-table';
import { createTestRuntime } from '../support/test-runtime';

const servers: Server[] = [];
const runtimes: Runtime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
  for (const server of servers.splice(0)) server.closeAllConnections();
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

/** A loopback server that counts requests and answers `handler`'s way (default 200 JSON). */
async function listen(
  handler: (path: string) => { status: number; headers?: Record<string, string> } = () => ({
    status: 200,
  }),
) {
  const received: string[] = [];
  const server = createServer((request, response) => {
    received.push(request.url ?? '');
    const answer = handler(request.url ?? '');
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      ...answer.headers,
    });
    response.end('{"status":"pass"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received };
}

function client(baseUrl: string, destinationPolicy: DestinationPolicy, extra = {}) {
  const runtime = createRuntime({
    clock: createFakeClock({ hold: (ms) => ms === 30_000 }),
    retry: { maxRetries: 2, random: () => 0.5 },
    cacheStore: false,
  });
  runtimes.push(runtime);
  return runtime
    .bind({
      connectorId: 'webhook',
      packageName: '@evidencekit/webhook',
      packageVersion: '1.0.0',
      signal: new AbortController().signal,
    })
    .http({ baseUrl, destinationPolicy, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
}

/** Answers each call with the next entry of `answers` (the last one repeats). */
function resolverInSequence(answers: readonly string[]): HostResolver & { calls: number } {
  const resolver = Object.assign(
    async () => {
      const address = answers[Math.min(resolver.calls, answers.length - 1)] ?? '';
      resolver.calls += 1;
      return [{ address, family: 4 as const }];
    },
    { calls: 0 },
  );
  return resolver;
}

describe('HTTP client with a destination policy', () => {
  it('connects to the vetted address of a name only its policy resolver knows', async () => {
    const { port, received } = await listen();
    const response = await client(`http://status.internal.test:${port}`, {
      allowInsecureHttp: true,
      allowAddressClasses: ['loopback'],
      resolveHost: resolverFromTable({ 'status.internal.test': ['127.0.0.1'] }),
    }).request({ path: '/health' });
    expect(response).toMatchObject({ status: 200, data: { status: 'pass' } });
    expect(received).toEqual(['/health']);
  });

  it.each([
    ['a name resolving to loopback', 'http://status.internal.test', 'loopback'],
    ['a loopback IP literal (never looked up by Node)', 'http://127.0.0.1', 'loopback'],
  ])(
    'refuses %s without sending anything, and never retries',
    async (_label, host, addressClass) => {
      const { port, received } = await listen();
      const resolveHost = resolverFromTable({ 'status.internal.test': ['127.0.0.1'] });
      const error = await failure(
        client(`${host}:${port}`, { allowInsecureHttp: true, resolveHost }).request({
          path: '/health',
        }),
      );
      expect(DestinationRefusedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        reason: 'config',
        isRetryable: false,
        kind: 'address',
        address: { address: '127.0.0.1', addressClass },
        method: 'GET',
        url: `${host}:${port}/health`,
      });
      expect(received).toEqual([]);
    },
  );

  it('re-checks the address when the connection is opened (DNS rebinding)', async () => {
    const { port, received } = await listen();
    // The vetting before the request sees a public address; the connection's lookup then
    // gets loopback, as a rebinding name would answer.
    const resolveHost = resolverInSequence(['93.184.215.14', '127.0.0.1']);
    const error = await failure(
      client(`http://rebind.attacker.test:${port}`, {
        allowInsecureHttp: true,
        resolveHost,
      }).request({ path: '/health' }),
    );
    expect(DestinationRefusedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      reason: 'config',
      address: { address: '127.0.0.1', addressClass: 'loopback' },
      url: `http://rebind.attacker.test:${port}/health`,
    });
    expect(resolveHost.calls).toBe(2);
    expect(received).toEqual([]);
  });

  it.each([
    ['a name resolving to a private address', 'http://internal.acme.test', '10.0.0.5'],
    ['the metadata address', 'http://169.254.169.254', '169.254.169.254'],
  ])('re-vets every redirect: refuses one to %s', async (_label, target, address) => {
    const { port, received } = await listen((path) =>
      path === '/health'
        ? { status: 302, headers: { location: `${target}:${port}/x` } }
        : {
            status: 200,
          },
    );
    const error = await failure(
      client(
        `http://status.internal.test:${port}`,
        {
          allowInsecureHttp: true,
          allowAddressClasses: ['loopback'],
          resolveHost: resolverFromTable({
            'status.internal.test': ['127.0.0.1'],
            'internal.acme.test': ['10.0.0.5'],
          }),
        },
        { allowedRedirectOrigins: [`${target}:${port}`] },
      ).request({ path: '/health' }),
    );
    expect(error).toMatchObject({ reason: 'config', address: { address } });
    expect(received).toEqual(['/health']);
  });

  it('refuses a redirect that drops to plain http', async () => {
    const { agent, bound } = createTestRuntime();
    agent
      .get('https://status.acme.example')
      .intercept({ path: '/health', method: 'GET' })
      .reply(301, '', { headers: { location: 'http://status.acme.example/health' } });
    const error = await failure(
      bound()
        .http({
          baseUrl: 'https://status.acme.example',
          destinationPolicy: {
            resolveHost: resolverFromTable({ 'status.acme.example': ['93.184.215.14'] }),
          },
          allowedRedirectOrigins: ['http://status.acme.example'],
        })
        .request({ path: '/health' }),
    );
    expect(error).toMatchObject({ reason: 'config', kind: 'scheme' });
  });

  it('vets before sending even when the host owns the dispatcher', async () => {
    const { agent, bound } = createTestRuntime();
    const error = await failure(
      bound()
        .http({ baseUrl: 'https://10.0.0.8', destinationPolicy: {} })
        .request({ path: '/health' }),
    );
    expect(error).toMatchObject({ reason: 'config', address: { addressClass: 'private' } });
    // Nothing reached the host's dispatcher.
    expect(() => agent.assertNoPendingInterceptors()).not.toThrow();
  });

  it('ends an attempt at its deadline even when the host resolver never answers', async () => {
    const clock = createFakeClock({ hold: (ms) => ms === 1000 });
    const runtime = createRuntime({ clock, timeoutMs: 1000, retry: { maxRetries: 0 } });
    runtimes.push(runtime);
    const hanging: HostResolver = () => new Promise(() => {});
    const pending = failure(
      runtime
        .bind({
          connectorId: 'webhook',
          packageName: '@evidencekit/webhook',
          packageVersion: '1.0.0',
          signal: new AbortController().signal,
        })
        .http({ baseUrl: 'https://hangs.acme.test', destinationPolicy: { resolveHost: hanging } })
        .request({ path: '/health' }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    clock.releaseHeld();
    expect(await pending).toMatchObject({ reason: 'timeout' });
  });

  it('reports a name that does not resolve as a transient failure of the request, not retried', async () => {
    const resolveHost = resolverInSequence([]);
    const failing: HostResolver = async (hostname) => {
      await resolveHost(hostname);
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const error = await failure(
      client('https://nowhere.acme.test', { resolveHost: failing }).request({ path: '/health' }),
    );
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(DestinationRefusedError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({
      reason: 'transient',
      url: 'https://nowhere.acme.test/health',
      method: 'GET',
    });
    expect((error as Error).message).toContain('could not be resolved (ENOTFOUND)');
    // One attempt: backing off for seconds does not make a missing name appear.
    expect(resolveHost.calls).toBe(1);
    expect(error).toMatchObject({ isRetryable: false });
  });
});
