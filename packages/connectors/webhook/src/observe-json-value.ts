import type { FactObservationV1, FactSource, MeasurementUnit } from '@evidencekit/core/connector';

/**
 * Turns the value found at a JSON Pointer into an observation for a fact of `unit`: nothing
 * (or `null`, or `""`) is `empty`, so the fact's empty rule applies (by default
 * `unavailable: no_data`); a value of the wrong type is `unavailable: invalid_response`, never
 * coerced. Words are strings or booleans; measurements are finite numbers.
 */
export function observeJsonValue<Name extends string>(options: {
  name: Name;
  unit: MeasurementUnit | 'word';
  pointer: string;
  value: unknown;
  source?: FactSource;
}): FactObservationV1<Name> {
  const { name, unit, pointer, value } = options;
  const base = { name, ...(options.source === undefined ? {} : { source: options.source }) };
  if (value === undefined || value === null || value === '') {
    return { ...base, kind: 'empty', detail: `nothing at ${pointer}` };
  }
  if (unit === 'word') {
    if (typeof value === 'string') return { ...base, kind: 'word', value };
    if (typeof value === 'boolean') return { ...base, kind: 'word', value: String(value) };
    return wrongType(base, pointer, 'a word (a string or a boolean)', value);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { ...base, kind: 'measured', value, unit };
  }
  return wrongType(base, pointer, `a number (in ${unit})`, value);
}

function wrongType<Name extends string>(
  base: { name: Name; source?: FactSource },
  pointer: string,
  expected: string,
  value: unknown,
): FactObservationV1<Name> {
  return {
    ...base,
    kind: 'unavailable',
    reason: 'invalid_response',
    message: `expected ${expected} at ${pointer}, found ${describeType(value)}`,
  };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number that is not finite';
  return `a ${typeof value}`;
}
