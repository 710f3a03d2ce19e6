import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the sandbox's Prometheus answers, chosen by the first path segment of the base URL. */
export type SandboxMode = 'pass' | 'fail' | 'empty';

/** A loopback server answering like the Prometheus HTTP API. */
export interface PrometheusSandbox {
  /** e.g. `http://127.0.0.1:41234`; a connector's `baseUrl` is `${url}/${mode}`. */
  url: string;
  close(): Promise<void>;
}

// Ratios and seconds, as Prometheus returns them; the connector scales them into % and ms.
const answers: Record<Exclude<SandboxMode, 'empty'>, { errorRatio: number }> = {
  pass: { errorRatio: 0.002 },
  fail: { errorRatio: 0.08 },
};

/**
 * Starts a Prometheus look-alike on a free loopback port. Every request must carry
 * `Authorization: Bearer <token>`, proving the configuration's `env:` reference was resolved.
 * Responses follow https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries.
 */
export async function startPrometheusSandbox(token: string): Promise<PrometheusSandbox> {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${token}`) {
      send(401, { status: 'error', errorType: 'unauthorized', error: 'wrong token' });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const [, mode, ...rest] = url.pathname.split('/');
    if (rest.join('/') !== 'api/v1/query') {
      send(404, { status: 'error', errorType: 'not_found', error: 'no such route' });
      return;
    }
    const query = url.searchParams.get('query') ?? '';
    const time = Number(url.searchParams.get('time'));
    const vector = (value: number) => ({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [time, String(value)] }] },
    });
    if (mode !== 'pass' && mode !== 'fail') {
      send(200, { status: 'success', data: { resultType: 'vector', result: [] } });
      return;
    }
    if (query.startsWith('histogram_quantile(')) send(200, vector(0.21));
    else if (query.includes('code=~"5.."')) send(200, vector(answers[mode].errorRatio));
    else send(200, vector(1_250));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
