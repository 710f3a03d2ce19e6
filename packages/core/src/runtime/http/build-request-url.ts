/** Query values: repeated keys as arrays; undefined values are left out. */
export type QueryParameters = Record<
  string,
  string | number | boolean | readonly (string | number | boolean)[] | undefined
>;

/**
 * Joins `baseUrl` and `path` (a path relative to the base, or an absolute URL on the same
 * origin, such as a `Link` header's next page) and appends `query`. Returns undefined for an
 * absolute URL on another origin: credentials must never be sent there.
 */
export function buildRequestUrl(
  baseUrl: string,
  path: string,
  query?: QueryParameters,
): URL | undefined {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    url = new URL(path);
    if (url.origin !== base.origin) return undefined;
  } else {
    // Relative to the base path, so `https://host/api/v4` + `projects` keeps `/api/v4`.
    url = new URL(path.replace(/^\/+/, ''), base);
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    url.searchParams.delete(name);
    for (const item of values) url.searchParams.append(name, String(item));
  }
  return url;
}
