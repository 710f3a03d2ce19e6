/**
 * Relative tolerance for numeric thresholds. Unit conversion multiplies and divides by decimal
 * factors that binary floating point cannot hold exactly (99.9% becomes 0.9990000000000001
 * ratio), so two numbers closer than one part in a billion of the larger one count as equal.
 * It is relative, not absolute, so `== 0` still requires exactly zero.
 */
export const THRESHOLD_RELATIVE_TOLERANCE = 1e-9;

/** True when `left` and `right` differ by at most {@link THRESHOLD_RELATIVE_TOLERANCE}. */
export function nearlyEqual(left: number, right: number): boolean {
  if (left === right) return true;
  // Without this, |finite - Infinity| <= tolerance * Infinity would hold.
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  return (
    Math.abs(left - right) <=
    THRESHOLD_RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right))
  );
}
