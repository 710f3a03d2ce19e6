import { createRuntime } from '@evidencekit/core';
import { Agent, request } from 'undici';

/** One way of sending GETs to the loopback server. */
export interface TransportClient {
  name: TransportClientName;
  /** GETs a URL unique to `index` and parses the JSON body. */
  get(index: number): Promise<void>;
  close(): Promise<void>;
}

/** The clients compared: core's HTTP pipeline, raw undici, and the global fetch. */
export type TransportClientName = 'evidencekit' | 'undici' | 'fetch';

/** Every client, in the order they are measured. */
export const TRANSPORT_CLIENT_NAMES: readonly TransportClientName[] = [
  'undici',
  'evidencekit',
  'fetch',
];

/**
 * Creates a client for `baseUrl` sized for `concurrency`: the same number of keep-alive
 * connections on core's pool and on undici's Agent (fetch keeps its global dispatcher).
 */
export function createTransportClient(
  name: TransportClientName,
  baseUrl: string,
  concurrency: number,
): TransportClient {
  if (name === 'undici') {
    const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
    return {
      name,
      async get(index) {
        const response = await request(`${baseUrl}/item?i=${index}`, { dispatcher: agent });
        if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
        await response.body.json();
      },
      close: () => agent.close(),
    };
  }
  if (name === 'fetch') {
    return {
      name,
      async get(index) {
        const response = await fetch(`${baseUrl}/item?i=${index}`);
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        await response.json();
      },
      close: async () => {},
    };
  }
  // Retry, the rate limiter and the cache are all on; every URL is new, so every request
  // takes the cache-miss path (and stores the answer, which carries an ETag).
  const runtime = createRuntime({
    pool: { connections: concurrency },
    rateLimits: { defaultBudget: { concurrency } },
  });
  const http = runtime
    .bind({
      connectorId: 'bench',
      packageName: '@evidencekit/bench',
      packageVersion: '0.0.0',
      signal: new AbortController().signal,
    })
    .http({ baseUrl });
  return {
    name,
    async get(index) {
      await http.request({ path: '/item', query: { i: index } });
    },
    close: () => runtime.close(),
  };
}
