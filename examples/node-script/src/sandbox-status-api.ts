import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the sandbox answers per service: one healthy service and one that is not. */
const healthByService: Record<
  string,
  { errorRatePercent: number; p95LatencyMs: number; rollout: string }
> = {
  'checkout-api': { errorRatePercent: 0.02, p95LatencyMs: 142, rollout: 'Complete' },
  'payments-api': { errorRatePercent: 3.4, p95LatencyMs: 910, rollout: 'Progressing' },
};

/**
 * Starts the example's provider API on loopback: real HTTP, so the demo goes through the real
 * runtime (keep-alive pool, retry policy, cache, redaction). It checks the bearer token.
 */
export async function startSandboxStatusApi(expectedToken: string): Promise<{
  baseUrl: string;
  close: () => Promise<void>;
}> {
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${expectedToken}`) {
      send(401, { message: 'bad credentials' });
      return;
    }
    if (request.url === '/api/ping') {
      send(200, { ok: true });
      return;
    }
    const match = /^\/api\/services\/([^/]+)\/health$/.exec(request.url ?? '');
    const health =
      match?.[1] === undefined ? undefined : healthByService[decodeURIComponent(match[1])];
    if (health === undefined) {
      send(404, { message: 'no such service' });
      return;
    }
    send(200, { ...health, sampledAt: new Date(Date.now() - 15_000).toISOString() });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
