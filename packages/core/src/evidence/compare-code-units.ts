/**
 * Orders two texts by UTF-16 code units, not by locale rules (`localeCompare` follows the
 * machine's ICU data and default locale), so sorted output is the same on every machine.
 */
export function compareCodeUnits(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
