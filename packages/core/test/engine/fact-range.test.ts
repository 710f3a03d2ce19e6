import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactDefinitionV1 } from '../../src/contract/v1/connector-metadata-v1';
import { defaultRangeOf } from '../../src/engine/check-fact-range';
import { evaluateObservation } from '../../src/engine/evaluate-observation';
import type { MeasurementUnit } from '../../src/evidence/measurement-unit';

const fact = (
  unit: FactDefinitionV1['unit'],
  defaultThreshold: string,
  extra: Partial<FactDefinitionV1> = {},
): FactDefinitionV1 => ({
  name: 'measured_fact',
  description: 'a measured fact',
  unit,
  defaultThreshold,
  defaultAction: 'Act.',
  ...extra,
});

const measured = (value: number, unit: MeasurementUnit, query?: string) => ({
  name: 'measured_fact',
  kind: 'measured' as const,
  value,
  unit,
  ...(query === undefined ? {} : { source: { query } }),
});

describe('fact ranges: a value no provider can honestly report never passes', () => {
  // The findings: a negative error rate passed `< 1%`, a negative saturation passed `< 80%`.
  it.each([
    ['a negative error rate', fact('%', '< 1%'), measured(-0.05, 'ratio')],
    ['a negative saturation', fact('%', '< 80%'), measured(-0.2, 'ratio')],
    ['an error rate above 100 %', fact('%', '> 0%'), measured(1.5, 'ratio')],
    ['a percentage reported in % above 100', fact('ratio', '> 0.5'), measured(140, '%')],
    ['a negative latency', fact('ms', '< 500ms'), measured(-3, 'ms')],
    ['a negative latency in another unit', fact('ms', '< 500ms'), measured(-0.001, 's')],
    ['a negative count', fact('count', '== 0'), measured(-1, 'count')],
    ['a fractional count', fact('count', '<= 3'), measured(2.5, 'count')],
    ['negative bytes', fact('MiB', '< 512MiB'), measured(-10, 'MiB')],
  ])('%s is unavailable: invalid_response, naming the value', (_name, definition, observation) => {
    const result = evaluateObservation(observation, definition);
    expect(result.status).toBe('unavailable');
    expect(result.reason?.code).toBe('invalid_response');
    expect(result.reason?.message).toContain('measured_fact');
  });

  it('names the query the value came from', () => {
    const result = evaluateObservation(
      measured(-0.05, 'ratio', 'error_rate: sum(rate(errors[5m]))'),
      fact('%', '< 1%'),
    );
    expect(result.reason?.message).toMatch(
      /-5(\.0+)?%.*query: error_rate: sum\(rate\(errors\[5m\]\)\)/,
    );
  });

  it('lets a catalog widen the range where the unit default is too narrow', () => {
    const saturation = fact('%', '< 80%', { range: { min: 0 } });
    expect(evaluateObservation(measured(1.2, 'ratio'), saturation).status).toBe('failed');
    expect(evaluateObservation(measured(-0.2, 'ratio'), saturation).status).toBe('unavailable');
  });

  it('lets a catalog narrow the range', () => {
    const score = fact('count', '>= 3', { range: { min: 0, max: 5, integer: true } });
    expect(evaluateObservation(measured(6, 'count'), score).reason?.code).toBe('invalid_response');
    expect(evaluateObservation(measured(4, 'count'), score).status).toBe('passed');
  });

  const units: MeasurementUnit[] = ['%', 'ratio', 'ms', 's', 'count', 'B', 'MiB'];
  it('property: any value outside the default range of the unit is never passed or failed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
        (unit, value) => {
          const range = defaultRangeOf(unit);
          // Values within float noise of a bound are neither clearly in nor out; skip them.
          const nearBound = [range.min, range.max].some(
            (bound) => bound !== undefined && Math.abs(value - bound) < 1e-6,
          );
          const nearWhole =
            range.integer === true && Math.abs(value - Math.round(value)) < 1e-6 && value % 1 !== 0;
          fc.pre(!nearBound && !nearWhole);
          const outside =
            (range.min !== undefined && value < range.min - 1e-6) ||
            (range.max !== undefined && value > range.max + 1e-6) ||
            (range.integer === true && Math.abs(value - Math.round(value)) > 1e-6);
          // Thresholds chosen so both outcomes are possible inside the range.
          const result = evaluateObservation(
            measured(value, unit),
            fact(unit, `>= 0${unit === 'count' ? '' : unit}`),
          );
          if (outside) {
            expect(result.status).toBe('unavailable');
            expect(result.reason?.code).toBe('invalid_response');
          } else {
            expect(result.reason?.code).not.toBe('invalid_response');
          }
        },
      ),
    );
  });

  it('property: in-range values are judged by the threshold alone', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (ratio) => {
        const result = evaluateObservation(measured(ratio, 'ratio'), fact('%', '< 1%'));
        expect(result.status).toBe(ratio * 100 < 1 ? 'passed' : 'failed');
      }),
    );
  });
});
