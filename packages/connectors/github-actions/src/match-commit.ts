/** A full commit SHA as a provider reports it: 40 hex characters (SHA-1) or 64 (SHA-256). */
export const FULL_COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** A release commit as a scope may name it: a full SHA or an abbreviation of at least 7 hex characters. */
export const RELEASE_COMMIT = /^[0-9a-f]{7,64}$/i;

/** What the schemas say when a provider's SHA is not a full one. */
export const FULL_COMMIT_SHA_EXPECTED = 'a full commit SHA (40 or 64 hexadecimal characters)';

/**
 * True when `providerSha` (what GitHub reports for a run or artifact) is the release's commit:
 * the same SHA, case aside, or `releaseCommit` is an abbreviation (7 or more hex characters) of
 * it. Never the other way round: a provider SHA that is shorter than the release commit, or not
 * a full SHA at all, matches nothing, so an empty or one-letter SHA cannot stand for any release.
 * The one comparison used by collection, ingestion and artifact checks.
 */
export function commitMatches(releaseCommit: string, providerSha: string): boolean {
  if (!FULL_COMMIT_SHA.test(providerSha) || !RELEASE_COMMIT.test(releaseCommit)) return false;
  return providerSha.toLowerCase().startsWith(releaseCommit.toLowerCase());
}
