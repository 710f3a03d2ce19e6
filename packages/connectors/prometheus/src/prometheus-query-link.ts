/**
 * A link to the query in the Prometheus web UI (`/graph`, which Prometheus 3 forwards to its
 * new query page), as a table for instant queries or a graph over the window for range ones.
 */
export function prometheusQueryLink(
  uiUrl: string,
  query: string,
  range?: { windowSeconds: number },
): string {
  const url = new URL('graph', uiUrl.endsWith('/') ? uiUrl : `${uiUrl}/`);
  url.searchParams.set('g0.expr', query);
  if (range === undefined) {
    url.searchParams.set('g0.tab', '1');
  } else {
    url.searchParams.set('g0.tab', '0');
    url.searchParams.set('g0.range_input', `${range.windowSeconds}s`);
  }
  return url.href;
}
