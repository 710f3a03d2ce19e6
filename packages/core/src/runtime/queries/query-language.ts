/** The query languages a template can be written in. */
export const QUERY_LANGUAGES = ['promql', 'logql', 'nrql', 'jql', 'lucene', 'opensearch'] as const;

/**
 * A query language: `promql` (Prometheus, Thanos, Mimir), `logql` (Loki), `nrql` (New Relic),
 * `jql` (Jira), `lucene` / `opensearch` (Elasticsearch and OpenSearch query strings).
 */
export type QueryLanguage = (typeof QUERY_LANGUAGES)[number];
