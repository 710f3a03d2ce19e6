import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server answering like Prometheus, with behaviour chosen by the path prefix. */
export interface ProviderSandbox {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Authorization headers received, to prove a credential was sent. */
  authorizations: string[];
  close(): Promise<void>;
}

/**
 * Prefixes: `/pass` (error rate 0.1 %), `/fail` (error rate 50 %), `/empty` (no series:
 * unavailable), `/hang` (never answers), `/reject` (401 whose body echoes the credential, as
 * a careless proxy would).
 */
export async function startProviderSandbox(): Promise<ProviderSandbox> {
  const authorizations: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const [, mode, ...rest] = url.pathname.split('/');
    const endpoint = rest.join('/');
    const authorization = request.headers.authorization ?? '';
    if (authorization !== '') authorizations.push(authorization);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (mode === 'hang') {
      hanging.add(response);
      return;
    }
    if (mode === 'reject') {
      json(401, {
        status: 'error',
        errorType: 'unauthorized',
        error: `bad credential ${authorization}`,
      });
      return;
    }
    if (endpoint === 'api/v1/status/buildinfo') {
      json(200, { status: 'success', data: { version: '3.1.0' } });
      return;
    }
    if (endpoint === 'api/v1/query') {
      const seconds = Date.now() / 1000;
      const result =
        mode === 'empty'
          ? []
          : [{ metric: {}, value: [seconds, mode === 'fail' ? '0.5' : '0.001'] }];
      json(200, { status: 'success', data: { resultType: 'vector', result } });
      return;
    }
    json(404, { status: 'error', errorType: 'not_found', error: `no route ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
