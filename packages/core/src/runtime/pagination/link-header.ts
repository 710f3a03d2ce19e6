/** One link of a `Link` header: its target and parameters (`rel`, `results`, `cursor`…). */
export interface LinkHeaderEntry {
  url: string;
  parameters: Record<string, string>;
}

/**
 * Parses an RFC 8288 `Link` header into entries keyed by each of their `rel` values:
 * `<https://api/x?page=2>; rel="next", <…>; rel="last"` → `{ next: {...}, last: {...} }`.
 * Malformed parts are skipped.
 */
export function parseLinkHeader(header: string | undefined): Record<string, LinkHeaderEntry> {
  const links: Record<string, LinkHeaderEntry> = {};
  if (header === undefined) return links;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,<]+(?:="[^"]*"|=[^;,]*)?)*)/g)) {
    const url = match[1];
    if (url === undefined) continue;
    const parameters: Record<string, string> = {};
    for (const parameter of (match[2] ?? '').matchAll(
      /;\s*([^=;,\s]+)\s*(?:=\s*(?:"([^"]*)"|([^;,\s]*)))?/g,
    )) {
      const name = parameter[1]?.toLowerCase();
      if (name === undefined) continue;
      parameters[name] = parameter[2] ?? parameter[3] ?? '';
    }
    for (const rel of (parameters.rel ?? '').split(/\s+/).filter(Boolean)) {
      links[rel.toLowerCase()] = { url, parameters };
    }
  }
  return links;
}

/**
 * The next page's URL from a `Link` header, or undefined on the last page. A next link with
 * `results="false"` (Sentry's way of saying there is nothing more) counts as none.
 */
export function nextLinkUrl(header: string | undefined): string | undefined {
  const next = parseLinkHeader(header).next;
  if (next === undefined || next.parameters.results === 'false') return undefined;
  return next.url;
}
