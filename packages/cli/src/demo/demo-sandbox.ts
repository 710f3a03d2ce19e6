import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoService } from './demo-services';
import {
  emptyVectorResponse,
  instantVectorResponse,
  prometheusErrorResponse,
} from './prometheus-query-response';

/** The demo's provider sandbox, listening on a free loopback port. */
export interface DemoSandbox {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Where its Prometheus HTTP API is mounted (the connector's `baseUrl`). */
  prometheusUrl: string;
  /** How many requests were refused for a missing or wrong token. */
  readonly refusedRequests: number;
  close(): Promise<void>;
}

const prometheusMount = '/prometheus';

/**
 * Starts a loopback HTTP server that answers like Prometheus for the demo services, so the
 * real connector and the real HTTP runtime do the work. Every request must carry
 * `Authorization: Bearer <token>`; the answers come from each service's `metrics`, chosen by
 * the `service="…"` matcher the connector's allowlisted queries carry.
 */
export async function startDemoSandbox(options: {
  token: string;
  services: readonly DemoService[];
}): Promise<DemoSandbox> {
  let refusedRequests = 0;
  const expected = Buffer.from(`Bearer ${options.token}`);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const received = Buffer.from(request.headers.authorization ?? '');
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
      refusedRequests += 1;
      // Never echo what was received: it may be a credential meant for somewhere else.
      send(401, prometheusErrorResponse('unauthorized', 'missing or wrong demo token'));
      return;
    }
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (request.method !== 'GET' || !url.pathname.startsWith(`${prometheusMount}/`)) {
      send(404, prometheusErrorResponse('not_found', `no route ${url.pathname}`));
      return;
    }
    const endpoint = url.pathname.slice(prometheusMount.length);
    if (endpoint === '/api/v1/status/buildinfo') {
      send(200, { status: 'success', data: { version: '3.5.0', branch: 'HEAD' } });
      return;
    }
    if (endpoint === '/api/v1/query') {
      const answer = answerInstantQuery(url.searchParams, options.services);
      send(answer.status, answer.body);
      return;
    }
    send(404, prometheusErrorResponse('not_found', `no route ${url.pathname}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    prometheusUrl: `${url}${prometheusMount}`,
    get refusedRequests() {
      return refusedRequests;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answerInstantQuery(
  parameters: URLSearchParams,
  services: readonly DemoService[],
): { status: number; body: unknown } {
  const query = parameters.get('query') ?? '';
  const time = Number(parameters.get('time') ?? Number.NaN);
  const evaluatedAt = Number.isFinite(time) ? time : Date.now() / 1000;
  const serviceName = /service="([^"]*)"/.exec(query)?.[1];
  const service = services.find((candidate) => candidate.name === serviceName);
  // Like Prometheus, matchers that select nothing give an empty result, not an error.
  if (service === undefined) return { status: 200, body: emptyVectorResponse() };
  const value = metricValue(query, service);
  if (value === undefined) {
    return {
      status: 400,
      body: prometheusErrorResponse('bad_data', 'the demo sandbox does not know this query'),
    };
  }
  return { status: 200, body: instantVectorResponse(value, evaluatedAt) };
}

// The connector's default templates, recognised by what they compute.
function metricValue(query: string, service: DemoService): number | undefined {
  if (query.startsWith('histogram_quantile(0.95')) return service.metrics.p95Seconds;
  if (query.includes('code=~"5.."')) return service.metrics.errorRatio;
  if (query.startsWith('sum(increase(http_requests_total')) return service.metrics.requests;
  return undefined;
}
