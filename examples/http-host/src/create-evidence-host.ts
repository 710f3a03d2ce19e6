import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  collectEvidence,
  createRuntime,
  type EvidenceRecord,
  evaluateGate,
  type GatePolicy,
  type Runtime,
} from '@evidencekit/core';
import { parseRequest } from './parse-request';
import { readJsonBody } from './read-json-body';
import { RequestError } from './request-error';
import { collectRequestSchema, gateRequestSchema } from './request-schemas';
import type { TargetCatalog } from './target-catalog';

/** Options of {@link createEvidenceHost}. */
export interface EvidenceHostOptions {
  /** The fixed, server-side targets. */
  catalog: TargetCatalog;
  /** The server's release policy. */
  policy: GatePolicy;
  /** A runtime to share (the host closes only one it created itself). */
  runtime?: Runtime;
  /** Largest request body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Per-target collection deadline, in milliseconds. Default 30 000. */
  collectTimeoutMs?: number;
  /** How long `close()` lets running requests finish before it cancels them. Default 10 000. */
  shutdownGraceMs?: number;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Told about unexpected errors, already redacted. Default: `console.error`. */
  onError?: (message: string) => void;
}

/** A running evidence host. */
export interface EvidenceHost {
  readonly server: Server;
  /** Starts listening; returns the base URL. Port 0 picks a free port. */
  listen(port?: number, hostname?: string): Promise<string>;
  /**
   * Stops accepting connections, lets running requests finish (cancelling collections still
   * running after the grace period), then closes the runtime's connection pools.
   */
  close(): Promise<void>;
}

const NDJSON = 'application/x-ndjson';

function wantsNdjson(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes(NDJSON);
}

/**
 * Creates the HTTP host: `POST /v1/evidence/collect`, `POST /v1/gate` and `GET /healthz` on
 * plain `node:http`. Requests select targets from the server's catalog; they never carry
 * connector settings, URLs, credentials or a policy.
 */
export function createEvidenceHost(options: EvidenceHostOptions): EvidenceHost {
  const runtime = options.runtime ?? createRuntime();
  const ownsRuntime = options.runtime === undefined;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((message: string) => console.error(message));
  const running = new Set<Promise<void>>();
  const collections = new Set<AbortController>();
  let shuttingDown = false;
  let closing: Promise<void> | undefined;

  function sendJson(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(shuttingDown ? { connection: 'close' } : {}),
      ...headers,
    });
    response.end(text);
  }

  async function collect(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseRequest(collectRequestSchema, await readJsonBody(request, maxBodyBytes));
    const targets = options.catalog.targetsFor({
      service: body.service,
      environment: body.environment,
      ...(body.release === undefined ? {} : { release: body.release }),
    });
    if (targets === undefined) {
      throw new RequestError({
        status: 404,
        code: 'unknown_target',
        message: 'No evidence targets are configured for this service in this environment.',
        field: 'service',
      });
    }
    // A caller that hangs up, or a shutdown past its grace period, cancels the collection.
    const controller = new AbortController();
    collections.add(controller);
    response.on('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    try {
      const records = collectEvidence({
        targets,
        runtime,
        now,
        signal: controller.signal,
        ...(options.collectTimeoutMs === undefined ? {} : { timeoutMs: options.collectTimeoutMs }),
      });
      if (wantsNdjson(request)) {
        response.writeHead(200, {
          'content-type': `${NDJSON}; charset=utf-8`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        for await (const record of records) response.write(`${JSON.stringify(record)}\n`);
        response.end();
        return;
      }
      const collected: EvidenceRecord[] = await Array.fromAsync(records);
      sendJson(response, 200, { records: collected });
    } finally {
      collections.delete(controller);
    }
  }

  async function gate(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { records } = parseRequest(gateRequestSchema, await readJsonBody(request, maxBodyBytes));
    sendJson(response, 200, { decision: evaluateGate(records, options.policy, now()) });
  }

  const routes: Record<string, Record<string, typeof collect>> = {
    '/v1/evidence/collect': { POST: collect },
    '/v1/gate': { POST: gate },
    '/healthz': {
      GET: async (_request, response) =>
        shuttingDown
          ? sendJson(response, 503, { status: 'shutting_down' })
          : sendJson(response, 200, { status: 'ok' }),
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://host');
      const methods = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (methods === undefined) {
        throw new RequestError({ status: 404, code: 'not_found', message: 'No such endpoint.' });
      }
      const method = request.method ?? 'GET';
      const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
      if (handler === undefined) {
        throw new RequestError({
          status: 405,
          code: 'method_not_allowed',
          message: `Use ${Object.keys(methods).join(', ')} on ${pathname}.`,
          headers: { allow: Object.keys(methods).join(', ') },
        });
      }
      await handler(request, response);
    } catch (error) {
      if (response.headersSent) {
        // Mid-stream: the status line is gone, so ending the stream early is the only signal.
        response.destroy();
        return;
      }
      if (error instanceof RequestError) {
        sendJson(response, error.status, error, error.headers);
        return;
      }
      // Unexpected: log it redacted, answer without any detail that could carry a secret.
      onError(
        runtime.redactor.redactText(
          error instanceof Error ? (error.stack ?? error.message) : String(error),
        ),
      );
      sendJson(response, 500, {
        error: { code: 'internal_error', message: 'The host failed to handle the request.' },
      });
    }
  }

  const server = createServer((request, response) => {
    const task = handle(request, response);
    running.add(task);
    task.finally(() => running.delete(task));
  });

  return {
    server,
    listen(port = 0, hostname = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, hostname, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(`http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${address.port}`);
        });
      });
    },
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'expired'>((resolve) => {
          timer = setTimeout(() => resolve('expired'), options.shutdownGraceMs ?? 10_000);
        });
        const settled = Promise.allSettled([...running]).then(() => 'done' as const);
        if ((await Promise.race([settled, grace])) === 'expired') {
          for (const controller of collections) controller.abort();
          await settled;
        }
        clearTimeout(timer);
        server.closeAllConnections();
        await closed;
        if (ownsRuntime) await runtime.close();
      })();
      return closing;
    },
  };
}
