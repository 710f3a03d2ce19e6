import type { TrivyReport } from './api/trivy-report-schema';

/** How a report's image digests compare with the release's artifact digest. */
export type DigestComparison =
  /** The scope names no artifact digest, so nothing was compared. */
  | { outcome: 'not_requested' }
  /** The report carries no image digest (a filesystem or repository scan, a local image). */
  | { outcome: 'missing' }
  | { outcome: 'matches' | 'differs'; reportDigests: string[] };

/**
 * Compares the digests in a report's metadata with the release's artifact digest.
 *
 * `RepoDigests` entries (`registry/name@sha256:…`) are manifest digests, what registries and
 * deploy manifests name; `ImageID` is the image config digest, what `docker inspect` and some
 * runtimes report. Either one matching means the report is about the released image.
 */
export function compareArtifactDigest(
  report: TrivyReport,
  expected: string | undefined,
): DigestComparison {
  if (expected === undefined) return { outcome: 'not_requested' };
  const reportDigests = [
    ...(report.Metadata?.RepoDigests ?? []).map(digestOfReference),
    ...(report.Metadata?.ImageID ? [report.Metadata.ImageID] : []),
  ].filter((digest) => digest !== '');
  const unique = [...new Set(reportDigests.map((digest) => digest.toLowerCase()))];
  if (unique.length === 0) return { outcome: 'missing' };
  return {
    outcome: unique.includes(expected.toLowerCase()) ? 'matches' : 'differs',
    reportDigests: unique,
  };
}

/** `ghcr.io/acme/api@sha256:abc` → `sha256:abc`; a bare digest stays as it is. */
function digestOfReference(reference: string): string {
  const at = reference.lastIndexOf('@');
  return (at === -1 ? reference : reference.slice(at + 1)).trim();
}
