/** Milliseconds per unit of a duration text; the units Argo Rollouts (Go) durations use. */
const MILLISECONDS_PER_UNIT = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
} as const satisfies Record<string, number>;

const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const DURATION_PART_PATTERN = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/**
 * Reads a duration text such as `30s`, `5m`, `1h30m` or `500ms` (the forms Argo Rollouts
 * accepts for `interval` and `initialDelay`) into milliseconds. Returns undefined for
 * anything else, including negative and unit-less numbers, so the caller can report it.
 */
export function parseDuration(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let milliseconds = 0;
  for (const match of text.matchAll(DURATION_PART_PATTERN)) {
    const amount = Number(match[1]);
    const unit = match[2] as keyof typeof MILLISECONDS_PER_UNIT;
    milliseconds += amount * MILLISECONDS_PER_UNIT[unit];
  }
  return Number.isFinite(milliseconds) ? Math.round(milliseconds) : undefined;
}
