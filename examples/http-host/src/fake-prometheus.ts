import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers per service: raw Prometheus base units (ratio, seconds, count). */
const seriesByService: Record<
  string,
  { errorRatio: number; p95Seconds: number; requests: number }
> = {
  'checkout-api': { errorRatio: 0.0012, p95Seconds: 0.182, requests: 48_210 },
  'payments-api': { errorRatio: 0.034, p95Seconds: 0.91, requests: 9_874 },
};

// A fragment only each default query of @evidencekit/prometheus contains.
const factMarkers = {
  errorRatio: 'code=~"5.."',
  p95Seconds: 'histogram_quantile(',
  requests: 'increase(',
} as const;

/** Options of {@link startFakePrometheus}. */
export interface FakePrometheusOptions {
  /** The bearer token the fake expects. */
  token: string;
  /** Awaited before each query is answered; tests use it to hold a collection in flight. */
  beforeAnswer?: () => Promise<void>;
}

/**
 * Starts a loopback server that speaks enough of the Prometheus HTTP API for the example:
 * instant queries answered per `service="…"` label, and build info. Real HTTP, so the host
 * goes through the real runtime (pools, retries, redaction).
 */
export async function startFakePrometheus(options: FakePrometheusOptions): Promise<{
  baseUrl: string;
  queries: () => number;
  close: () => Promise<void>;
}> {
  let queries = 0;
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      send(401, { status: 'error', errorType: 'unauthorized', error: 'bad credentials' });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname === '/api/v1/status/buildinfo') {
      send(200, { status: 'success', data: { version: '3.1.0' } });
      return;
    }
    if (url.pathname !== '/api/v1/query') {
      send(404, { status: 'error', errorType: 'not_found', error: 'not found' });
      return;
    }
    queries += 1;
    const query = url.searchParams.get('query') ?? '';
    const service = /service="([^"]*)"/.exec(query)?.[1];
    const series = service === undefined ? undefined : seriesByService[service];
    const field = (Object.keys(factMarkers) as (keyof typeof factMarkers)[]).find((key) =>
      query.includes(factMarkers[key]),
    );
    const answer = () => {
      const time = Date.now() / 1000;
      const result =
        series === undefined || field === undefined
          ? []
          : [{ metric: {}, value: [time, String(series[field])] }];
      send(200, { status: 'success', data: { resultType: 'vector', result } });
    };
    (options.beforeAnswer?.() ?? Promise.resolve()).then(answer, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    queries: () => queries,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
