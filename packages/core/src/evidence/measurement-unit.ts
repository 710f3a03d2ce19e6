/**
 * Units a measured number can carry. Each belongs to one dimension; values convert only
 * within a dimension (`1%` equals `0.01 ratio`, `1.5s` equals `1500ms`).
 */
export const MEASUREMENT_UNITS = {
  '%': { dimension: 'fraction', factor: 0.01 },
  ratio: { dimension: 'fraction', factor: 1 },
  ms: { dimension: 'duration', factor: 1 },
  s: { dimension: 'duration', factor: 1_000 },
  m: { dimension: 'duration', factor: 60_000 },
  h: { dimension: 'duration', factor: 3_600_000 },
  d: { dimension: 'duration', factor: 86_400_000 },
  count: { dimension: 'count', factor: 1 },
  B: { dimension: 'bytes', factor: 1 },
  kB: { dimension: 'bytes', factor: 1_000 },
  MB: { dimension: 'bytes', factor: 1_000_000 },
  GB: { dimension: 'bytes', factor: 1_000_000_000 },
  KiB: { dimension: 'bytes', factor: 1_024 },
  MiB: { dimension: 'bytes', factor: 1_048_576 },
  GiB: { dimension: 'bytes', factor: 1_073_741_824 },
} as const satisfies Record<string, { dimension: string; factor: number }>;

/** A unit a measured number can carry, e.g. `%`, `ms` or `MiB`. */
export type MeasurementUnit = keyof typeof MEASUREMENT_UNITS;
/** What a unit measures: `fraction`, `duration`, `count` or `bytes`. */
export type MeasurementDimension = (typeof MEASUREMENT_UNITS)[MeasurementUnit]['dimension'];
/** Every measurement unit, in declaration order. */
export const MEASUREMENT_UNIT_NAMES = Object.keys(MEASUREMENT_UNITS) as MeasurementUnit[];

/** True for a known measurement unit; case-sensitive (`MB` is not `Mb`). */
export function isMeasurementUnit(text: string): text is MeasurementUnit {
  return Object.hasOwn(MEASUREMENT_UNITS, text);
}

/** The dimension of a unit (`fraction`, `duration`, `count`, `bytes`). */
export function dimensionOf(unit: MeasurementUnit): MeasurementDimension {
  return MEASUREMENT_UNITS[unit].dimension;
}

/** Converts `value` from one unit to another of the same dimension; undefined otherwise. */
export function convertMeasurement(
  value: number,
  from: MeasurementUnit,
  to: MeasurementUnit,
): number | undefined {
  const source = MEASUREMENT_UNITS[from];
  const destination = MEASUREMENT_UNITS[to];
  if (source.dimension !== destination.dimension) return undefined;
  if (source.factor === destination.factor) return value;
  return (value * source.factor) / destination.factor;
}
