import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to a misspelt one, for "did you mean" hints: a case-insensitive
 * match first (`baseURL` → `baseUrl`), else the nearest by edit distance when it is close
 * enough to be a plausible typo (two edits, a third of a long name's length, at most three).
 * Returns `undefined` when nothing is close, so hints never guess wildly.
 */
export function closestName(input: string, candidates: Iterable<string>): string | undefined {
  const lowered = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const candidateLowered = candidate.toLowerCase();
    if (candidateLowered === lowered) return candidate;
    // Bounded before measuring: names in configuration are short, but input is untrusted.
    if (Math.abs(candidate.length - input.length) > 3 || input.length > 200) continue;
    const edits = distance(lowered, candidateLowered);
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  // A swapped pair costs two edits; very short names get one, so hints stay plausible.
  const allowed = input.length < 4 ? 1 : Math.min(3, Math.max(2, Math.floor(input.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)`, or nothing when no known name is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const suggestion = closestName(input, candidates);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}
