import { matchRequestUrl } from 'msw';
import type { RecordedRequest } from './recorded-request';
import { parseRouteKey, routeUrl } from './route-key';

/** Every request a mock server saw, in order, with helpers to find them by route. */
export interface RequestRecorder {
  /** All recorded requests, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Adds a request (the mock server calls this; tests rarely need to). */
  record(request: Request): Promise<RecordedRequest>;
  /**
   * The requests matching a route key such as `'GET /repos/:owner/:repo/actions/runs'`
   * (relative to `baseUrl`) or an absolute `'GET https://host/path'`.
   */
  find(route: string, baseUrl?: string): RecordedRequest[];
  /** How many requests match a route key. */
  count(route: string, baseUrl?: string): number;
  /** Forgets every recorded request. */
  clear(): void;
}

/** Creates an empty recorder. */
export function createRequestRecorder(): RequestRecorder {
  const requests: RecordedRequest[] = [];
  const find = (route: string, baseUrl?: string) => {
    const { method, path } = parseRouteKey(route);
    return requests.filter(
      (request) =>
        (method === '*' || request.method === method) &&
        matchRequestUrl(request.url, routeUrl(path, baseUrl)).matches,
    );
  };
  return {
    requests,
    async record(request) {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      // Clone first: the handler still needs the body.
      const body = request.body === null ? '' : await request.clone().text();
      const recorded: RecordedRequest = {
        method: request.method.toUpperCase(),
        url: new URL(request.url),
        headers,
        body,
      };
      requests.push(recorded);
      return recorded;
    },
    find,
    count: (route, baseUrl) => find(route, baseUrl).length,
    clear() {
      requests.length = 0;
    },
  };
}
