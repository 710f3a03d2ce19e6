import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { createRuntime, type Runtime } from '../../../src/runtime/create-runtime';
import { createFakeClock } from '../support/fake-clock';
import {
  createSelfSignedCertificate,
  type SelfSignedCertificate,
} from '../support/self-signed-certificate';

// A throwaway self-signed certificate for 127.0.0.1, made fresh for this run: it is trusted
// only by the clients that are given it as their CA.
let tls: SelfSignedCertificate;
let certificate: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  tls = await createSelfSignedCertificate();
  certificate = tls.certificate;
  server = createServer({ key: tls.key, cert: certificate }, (_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"kind":"APIVersions"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await tls.remove();
});

function runtimeWithoutRetries(): Runtime {
  return createRuntime({
    clock: createFakeClock({ hold: (ms) => ms === 30_000 }),
    retry: { maxRetries: 0 },
    cacheStore: false,
  });
}

function bind(runtime: Runtime) {
  return runtime.bind({
    connectorId: 'kubernetes',
    packageName: '@evidencekit/kubernetes',
    packageVersion: '1.0.0',
    signal: new AbortController().signal,
  });
}

describe('per-client TLS trust (tls.ca)', () => {
  it('refuses a server signed by an unknown CA: a transport failure, never an answer', async () => {
    const runtime = runtimeWithoutRetries();
    try {
      const error = await bind(runtime)
        .http({ baseUrl: origin })
        .request({ path: '/api' })
        .catch((caught: unknown) => caught);
      expect(ApiCallError.isInstance(error)).toBe(true);
      // Not transient: no retry makes an untrusted certificate trusted.
      expect(error).toMatchObject({ reason: 'config', isRetryable: false, status: undefined });
      // The message names the TLS verification failure.
      expect((error as Error).message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    } finally {
      await runtime.close();
    }
  });

  it.each([
    ['one PEM string', (pem: string) => pem],
    ['a list of PEM strings', (pem: string) => [pem]],
  ])('trusts the CA given as %s', async (_label, toCa) => {
    const runtime = runtimeWithoutRetries();
    try {
      const response = await bind(runtime)
        .http({ baseUrl: origin, tls: { ca: toCa(certificate) } })
        .request({ path: '/api' });
      expect(response).toMatchObject({ status: 200, data: { kind: 'APIVersions' } });
    } finally {
      await runtime.close();
    }
  });

  it('never lends a trusted connection to a client without that CA', async () => {
    const runtime = runtimeWithoutRetries();
    try {
      const connector = bind(runtime);
      await connector.http({ baseUrl: origin, tls: { ca: certificate } }).request({ path: '/a' });
      // The trusted keep-alive connection is still open: a pool keyed by origin alone would
      // reuse it here and let an untrusted client pass.
      const error = await connector
        .http({ baseUrl: origin })
        .request({ path: '/b' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ reason: 'config' });
    } finally {
      await runtime.close();
    }
  });
});
