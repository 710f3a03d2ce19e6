import type { AnyHandler } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createProviderMockServer, type ProviderMockServer } from '../msw/provider-mock-server';

/**
 * Creates a provider mock server for the current test file and wires its lifecycle: listen
 * before all tests, after each test fail on unmocked requests and reset handlers, close after
 * all. Pass an existing server to wire that one instead.
 *
 * @example
 * ```ts
 * const server = useProviderMockServer(...mockProviderRoutes(baseUrl, routes));
 * it('reads the runs', async () => { server.use(...); … });
 * ```
 */
export function useProviderMockServer(
  ...handlersOrServer: [ProviderMockServer] | AnyHandler[]
): ProviderMockServer {
  const [first] = handlersOrServer;
  const server = isServer(first)
    ? first
    : createProviderMockServer(...(handlersOrServer as AnyHandler[]));
  beforeAll(() => server.listen());
  afterEach(() => {
    server.resetHandlers();
    try {
      server.assertNoUnhandledRequests();
    } finally {
      server.clearRecords();
    }
  });
  afterAll(() => server.close());
  return server;
}

function isServer(value: unknown): value is ProviderMockServer {
  return typeof value === 'object' && value !== null && 'assertNoUnhandledRequests' in value;
}
