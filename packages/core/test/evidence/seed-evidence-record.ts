/**
 * The evidence summary from the product seed, verbatim: the public JSON shape every later
 * schema version must keep accepting.
 */
export const SEED_EVIDENCE_RECORD_JSON =
  '{"connector":"prometheus","scope":{"workspaceId":"workspace-acme-prod","service":"checkout-api","environment":"production"},"freshness":{"observedAt":"2026-05-03T09:30:00Z","maxAgeSeconds":300},"facts":[{"name":"error_rate","status":"passed","value":"0.02%","threshold":"< 1%"},{"name":"p95_latency","status":"passed","value":"142ms","threshold":"< 500ms"}]}';

/** A fresh parsed copy of the seed record, safe to mutate in a test. */
export function seedEvidenceRecord(): Record<string, unknown> & {
  facts: Record<string, unknown>[];
} {
  return JSON.parse(SEED_EVIDENCE_RECORD_JSON) as Record<string, unknown> & {
    facts: Record<string, unknown>[];
  };
}
