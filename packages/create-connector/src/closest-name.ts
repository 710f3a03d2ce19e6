/**
 * The allowed value closest to a misspelt one, for "did you mean" hints: a case-insensitive
 * match first, then the nearest by edit distance when it is a plausible typo (at most a third
 * of the input's length, two edits at least, three at most). Undefined when nothing is close.
 *
 * Inputs are short flag values; anything longer than 64 characters gets no hint, which bounds
 * the quadratic distance computation.
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  const lowered = input.toLowerCase();
  if (lowered.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const candidateLowered = candidate.toLowerCase();
    if (candidateLowered === lowered) return candidate;
    const edits = editDistance(lowered, candidateLowered);
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  const allowed = input.length < 4 ? 1 : Math.min(3, Math.max(2, Math.floor(input.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

/** Levenshtein distance with one row of memory. */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution =
        (previous[column - 1] ?? 0) + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(
        Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution),
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
