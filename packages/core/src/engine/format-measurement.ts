import type { MeasurementUnit } from '../evidence/measurement-unit';

// Units written straight after the number ("142ms", "0.02%"); the others take a space.
const attachedUnits = new Set<MeasurementUnit>(['%', 'ms', 's', 'm', 'h', 'd']);

/**
 * Formats a measured number for people: at most six significant digits, no exponent for
 * ordinary magnitudes, the unit as written in thresholds (`0.02%`, `142ms`, `3`, `1.5 MiB`).
 */
export function formatMeasurement(value: number, unit: MeasurementUnit): string {
  const rounded = Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
  const text = String(rounded);
  if (unit === 'count') return text;
  return attachedUnits.has(unit) ? `${text}${unit}` : `${text} ${unit}`;
}
