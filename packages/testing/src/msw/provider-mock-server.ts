import type { AnyHandler } from 'msw';
import { HttpResponse } from 'msw';
import { defineNetwork, HttpNetworkFrame } from 'msw/experimental';
import { defaultNetworkOptions } from 'msw/node';
import { createRequestRecorder, type RequestRecorder } from '../mocks/request-recorder';
import { createUndiciAwareNetworkSource } from './undici-aware-network-source';
import { UnhandledProviderRequestError } from './unhandled-provider-request-error';

/** A mocked network for provider APIs that undici, `fetch` and `node:http` all go through. */
export interface ProviderMockServer {
  /** Starts intercepting. Unhandled requests get a network error and are remembered. */
  listen(): Promise<void>;
  /** Stops intercepting and restores the real network. */
  close(): Promise<void>;
  /** Prepends handlers (they win over earlier ones) until the next `resetHandlers()`. */
  use(...handlers: AnyHandler[]): void;
  /** Back to the handlers given at creation, or to `handlers` when given. */
  resetHandlers(...handlers: AnyHandler[]): void;
  /** Every request the server saw, handled or not. */
  readonly recorder: RequestRecorder;
  /** `METHOD URL` of each request no handler answered since the last reset. */
  readonly unhandledRequests: readonly string[];
  /** Throws `UnhandledProviderRequestError` when any request was unhandled, then forgets them. */
  assertNoUnhandledRequests(): void;
  /** Forgets recorded and unhandled requests. */
  clearRecords(): void;
}

/**
 * Creates a mock server for provider APIs with msw, set up to see undici's request API as well
 * as `fetch` and `node:http`. A request no handler answers never reaches the real network: it
 * fails with a network error, and `assertNoUnhandledRequests()` (called after each test by the
 * vitest helper) fails the test naming its method and URL.
 *
 * @example
 * ```ts
 * const server = createProviderMockServer(...mockProviderRoutes(baseUrl, routes));
 * await server.listen();
 * // … run the connector …
 * server.assertNoUnhandledRequests();
 * await server.close();
 * ```
 */
export function createProviderMockServer(...handlers: AnyHandler[]): ProviderMockServer {
  const recorder = createRequestRecorder();
  const unhandled: string[] = [];
  const network = defineNetwork({
    ...defaultNetworkOptions,
    sources: [createUndiciAwareNetworkSource()],
    handlers,
    onUnhandledFrame: ({ frame }) => {
      if (frame instanceof HttpNetworkFrame) {
        const { request } = frame.data;
        unhandled.push(`${request.method.toUpperCase()} ${request.url}`);
        // A network error rather than a real request: tests never talk to real providers.
        frame.respondWith(HttpResponse.error());
        return;
      }
      frame.errorWith(new Error('unhandled WebSocket connection in a provider mock'));
    },
  });
  network.events.on('request:start', ({ request }) => {
    void recorder.record(request);
  });
  return {
    async listen() {
      await network.enable();
    },
    async close() {
      await network.disable();
    },
    use: (...extra) => network.use(...extra),
    resetHandlers: (...next) => network.resetHandlers(...next),
    recorder,
    unhandledRequests: unhandled,
    assertNoUnhandledRequests() {
      if (unhandled.length === 0) return;
      const requests = unhandled.splice(0);
      throw new UnhandledProviderRequestError(requests);
    },
    clearRecords() {
      recorder.clear();
      unhandled.length = 0;
    },
  };
}
