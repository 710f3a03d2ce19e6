/** A parsed route key such as `GET /repos/:owner/:repo`. */
export interface RouteKey {
  /** Upper-case method, or `*` for any. */
  method: string;
  /** The path pattern (msw syntax: `:param`, `*`), relative or absolute. */
  path: string;
}

const routeKeyPattern = /^([A-Za-z]+|\*)\s+(\S+)$/;

/**
 * Parses `'GET /path/:param'`. Throws a `TypeError` naming the key when it has no method or
 * no path, so a typo in a route map fails loudly instead of matching nothing.
 */
export function parseRouteKey(key: string): RouteKey {
  const match = routeKeyPattern.exec(key.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new TypeError(`route "${key}" must look like "GET /path/:param"`);
  }
  return { method: match[1].toUpperCase(), path: match[2] };
}

/** Joins a base URL and a relative path pattern, keeping absolute patterns as they are. */
export function routeUrl(path: string, baseUrl: string | undefined): string {
  if (/^https?:\/\//.test(path) || baseUrl === undefined) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
