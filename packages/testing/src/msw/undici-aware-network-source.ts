import type { Interceptor } from '@mswjs/interceptors';
import { ClientRequestInterceptor } from '@mswjs/interceptors/ClientRequest';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { HttpRequestInterceptor } from '@mswjs/interceptors/http';
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import { InterceptorSource } from 'msw/experimental';

/**
 * The interceptors of msw's own `setupServer()` plus `HttpRequestInterceptor`, which also sees
 * undici's `request`, `Pool`, `Client` and `Agent` (the transport of the Evidencekit runtime).
 * Plain `setupServer()` misses those, so requests would reach the real network.
 */
export function createUndiciAwareInterceptors(): Interceptor<never>[] {
  return [
    new ClientRequestInterceptor(),
    new XMLHttpRequestInterceptor(),
    new FetchInterceptor(),
    new HttpRequestInterceptor(),
  ] as Interceptor<never>[];
}

/**
 * A network source for msw's `defineNetwork` that intercepts every HTTP client in Node,
 * undici included. Each request reaches the handlers exactly once.
 *
 * @example
 * ```ts
 * import { defineNetwork } from 'msw/experimental';
 * import { defaultNetworkOptions } from 'msw/node';
 *
 * const network = defineNetwork({
 *   ...defaultNetworkOptions,
 *   sources: [createUndiciAwareNetworkSource()],
 *   handlers,
 * });
 * await network.enable();
 * ```
 */
export function createUndiciAwareNetworkSource(): InterceptorSource {
  return new InterceptorSource({ interceptors: createUndiciAwareInterceptors() });
}
