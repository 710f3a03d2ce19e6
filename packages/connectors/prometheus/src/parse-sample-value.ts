/** A sample value read from Prometheus's string form. */
export type SampleValue =
  | { kind: 'number'; value: number }
  /** NaN, +Inf or -Inf: Prometheus can compute them, but they measure nothing. */
  | { kind: 'not_finite'; text: string }
  | { kind: 'unreadable'; text: string };

// Go's strconv.FormatFloat output for finite numbers: "1", "0.0042", "1e-05", "-3.5E+10".
const finiteNumberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a sample value. Prometheus sends values as strings so that it can send `NaN`, `+Inf`
 * and `-Inf`; those are reported as `not_finite` instead of becoming JavaScript numbers that
 * could slip through a comparison. `Number()` alone is not used because it reads `""` as 0.
 */
export function parseSampleValue(text: string): SampleValue {
  if (text === 'NaN') return { kind: 'not_finite', text };
  if (/^[+-]?Inf$/.test(text)) return { kind: 'not_finite', text };
  if (!finiteNumberPattern.test(text)) return { kind: 'unreadable', text };
  const value = Number(text);
  // A literal beyond float64 range ("1e999") reads as Infinity.
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'not_finite', text };
}
