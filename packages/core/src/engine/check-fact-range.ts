import type { FactDefinitionV1, FactRangeV1 } from '../contract/v1/connector-metadata-v1';
import {
  convertMeasurement,
  dimensionOf,
  type MeasurementUnit,
} from '../evidence/measurement-unit';
import { formatMeasurement } from './format-measurement';

/** The range a fact's unit implies when the catalog declares none. */
export function defaultRangeOf(unit: MeasurementUnit): FactRangeV1 {
  switch (dimensionOf(unit)) {
    case 'fraction':
      return { min: 0, max: convertMeasurement(1, 'ratio', unit) ?? 1 };
    case 'count':
      return { min: 0, integer: true };
    case 'duration':
    case 'bytes':
      return { min: 0 };
  }
}

/**
 * Why a measured value cannot be evidence for `definition`, or `undefined` when it lies in the
 * fact's range. The value is compared in the fact's own unit.
 */
export function describeOutOfRange(
  definition: FactDefinitionV1,
  value: number,
  unit: MeasurementUnit,
): string | undefined {
  if (definition.unit === 'word') return undefined;
  const inFactUnit = convertMeasurement(value, unit, definition.unit);
  // A unit of another dimension is the threshold's problem (reported as configuration).
  if (inFactUnit === undefined) return undefined;
  const range = definition.range ?? defaultRangeOf(definition.unit);
  const shown = formatMeasurement(inFactUnit, definition.unit);
  // Conversions may add float noise (0.1 ratio → 10.000000000000002 %); compare with a margin.
  const epsilon = 1e-9 * Math.max(1, Math.abs(inFactUnit));
  if (range.min !== undefined && inFactUnit < range.min - epsilon) {
    return `${shown} is below ${formatMeasurement(range.min, definition.unit)}, the smallest valid value of ${definition.name}`;
  }
  if (range.max !== undefined && inFactUnit > range.max + epsilon) {
    return `${shown} is above ${formatMeasurement(range.max, definition.unit)}, the largest valid value of ${definition.name}`;
  }
  if (range.integer === true && Math.abs(inFactUnit - Math.round(inFactUnit)) > 1e-6) {
    return `${shown} is not a whole number, and ${definition.name} counts whole things`;
  }
  return undefined;
}
