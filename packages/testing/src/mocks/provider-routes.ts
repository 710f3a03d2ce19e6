import { type HttpHandler, http } from 'msw';
import { type MockRoute, resolveMockRoute } from './mock-reply';
import { parseRouteKey, routeUrl } from './route-key';

/** Routes of a mocked provider API: `'GET /repos/:owner/:repo/actions/runs'` → behaviour. */
export type ProviderRouteMap = Readonly<Record<string, MockRoute>>;

/**
 * Turns a route map into msw handlers. Paths are relative to `baseUrl` (absolute URLs also
 * work); each route counts its own calls, so sequences such as "503, 503, then 200" work.
 *
 * @example
 * ```ts
 * server.use(
 *   ...mockProviderRoutes('https://api.github.com', {
 *     'GET /repos/:owner/:repo/actions/runs': [
 *       { status: 503 },
 *       { json: { total_count: 1, workflow_runs: [run] }, headers: { etag: '"v1"' } },
 *     ],
 *   }),
 * );
 * ```
 */
export function mockProviderRoutes(baseUrl: string, routes: ProviderRouteMap): HttpHandler[] {
  return Object.entries(routes).map(([key, route]) => {
    const { method, path } = parseRouteKey(key);
    const url = routeUrl(path, baseUrl);
    let calls = 0;
    const resolver = async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      calls += 1;
      return resolveMockRoute(route, { request, params, call: calls });
    };
    return method === '*'
      ? http.all(url, resolver)
      : http.all(url, async (info) => {
          // Match the method here so a route key such as `PROPFIND /x` works too.
          if (info.request.method.toUpperCase() !== method) return undefined;
          return resolver(info);
        });
  });
}
