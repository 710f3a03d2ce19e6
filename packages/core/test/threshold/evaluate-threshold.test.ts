import { describe, expect, it } from 'vitest';
import type { MeasurementUnit } from '../../src/evidence/measurement-unit';
import { evaluateThreshold } from '../../src/threshold/evaluate-threshold';
import type { ObservedValue } from '../../src/threshold/observed-value';
import { parseThreshold } from '../../src/threshold/parse-threshold';
import type { Threshold } from '../../src/threshold/threshold';

function measured(value: number, unit: MeasurementUnit): ObservedValue {
  return { kind: 'measured', value, unit };
}

function word(value: string): ObservedValue {
  return { kind: 'word', value };
}

type Case = [threshold: string, observed: ObservedValue, outcome: 'met' | 'not_met'];

describe('evaluateThreshold: numbers', () => {
  const cases: Case[] = [
    // Fractions: % and ratio convert into each other.
    ['< 1%', measured(0.5, '%'), 'met'],
    ['< 1%', measured(1, '%'), 'not_met'],
    ['< 1%', measured(0.005, 'ratio'), 'met'],
    ['< 1%', measured(0.01, 'ratio'), 'not_met'],
    ['< 1%', measured(0.02, 'ratio'), 'not_met'],
    ['<= 1%', measured(0.01, 'ratio'), 'met'],
    ['== 1%', measured(0.01, 'ratio'), 'met'],
    ['>= 99.9%', measured(0.999, 'ratio'), 'met'],
    ['>= 99.9%', measured(99.9, '%'), 'met'],
    ['>= 99.9%', measured(0.9989, 'ratio'), 'not_met'],
    ['< 0.05 ratio', measured(4.9, '%'), 'met'],
    ['< 0.05 ratio', measured(5, '%'), 'not_met'],
    // Durations.
    ['<= 500ms', measured(0.5, 's'), 'met'],
    ['<= 500ms', measured(0.501, 's'), 'not_met'],
    ['<= 500ms', measured(500, 'ms'), 'met'],
    ['< 1.5s', measured(1499, 'ms'), 'met'],
    ['< 1.5s', measured(1500, 'ms'), 'not_met'],
    ['< 2 m', measured(119, 's'), 'met'],
    ['< 2 m', measured(120, 's'), 'not_met'],
    ['<= 1 h', measured(60, 'm'), 'met'],
    ['<= 1 h', measured(3_600_000, 'ms'), 'met'],
    ['<= 1 h', measured(3_600_001, 'ms'), 'not_met'],
    ['< 1 d', measured(24, 'h'), 'not_met'],
    ['> 1 d', measured(25, 'h'), 'met'],
    // Bytes: decimal and binary multiples are different sizes.
    ['<= 2 GiB', measured(2_147_483_648, 'B'), 'met'],
    ['<= 2 GiB', measured(2147, 'MB'), 'met'],
    ['<= 2 GiB', measured(2148, 'MB'), 'not_met'],
    ['< 1 MB', measured(999, 'kB'), 'met'],
    ['< 1 MB', measured(1000, 'kB'), 'not_met'],
    ['< 1 MiB', measured(1000, 'KiB'), 'met'],
    ['< 1 MiB', measured(1024, 'KiB'), 'not_met'],
    ['<= 1 MB', measured(1, 'MiB'), 'not_met'],
    ['== 1 kB', measured(1000, 'B'), 'met'],
    ['== 1 KiB', measured(1000, 'B'), 'not_met'],
    ['> 1 GB', measured(1, 'GiB'), 'met'],
    // Counts and signs.
    ['> 0', measured(1, 'count'), 'met'],
    ['> 0', measured(0, 'count'), 'not_met'],
    ['== 0', measured(0, 'count'), 'met'],
    ['== 0', measured(-0, 'count'), 'met'],
    ['!= 0', measured(0, 'count'), 'not_met'],
    ['!= 0', measured(3, 'count'), 'met'],
    ['> -5', measured(-4, 'count'), 'met'],
    ['> -5', measured(-6, 'count'), 'not_met'],
    // Tolerance: floating-point noise is equal, a real difference near zero is not.
    ['< 0.3', measured(0.1 + 0.2, 'count'), 'not_met'],
    ['<= 0.3', measured(0.1 + 0.2, 'count'), 'met'],
    ['== 0.3', measured(0.1 + 0.2, 'count'), 'met'],
    ['== 0', measured(1e-12, 'count'), 'not_met'],
    ['<= 0', measured(1e-300, 'count'), 'not_met'],
    ['== 1', measured(1.000001, 'count'), 'not_met'],
  ];

  it.each(cases)('%s against %j is %s', (text, observed, outcome) => {
    expect(evaluateThreshold(parseThreshold(text), observed)).toEqual({ outcome });
  });

  it('turns a huge threshold that overflows on conversion into a correct comparison', () => {
    const threshold: Threshold = { type: 'comparison', operator: '<', value: 1e308, unit: 'GiB' };
    expect(evaluateThreshold(threshold, measured(Number.MAX_VALUE, 'B'))).toEqual({
      outcome: 'met',
    });
  });
});

describe('evaluateThreshold: words', () => {
  const cases: Case[] = [
    ['== Healthy', word('Healthy'), 'met'],
    ['== Healthy', word('healthy'), 'met'],
    ['== Healthy', word('HEALTHY'), 'met'],
    ['== Healthy', word('Degraded'), 'not_met'],
    ['== Healthy', word('Healthy '), 'not_met'],
    ['== Healthy', word(''), 'not_met'],
    ['!= Degraded', word('Healthy'), 'met'],
    ['!= Degraded', word('degraded'), 'not_met'],
    ['== "Out of sync"', word('OUT OF SYNC'), 'met'],
    ['in [Synced, Healthy]', word('synced'), 'met'],
    ['in [Synced, Healthy]', word('Healthy'), 'met'],
    ['in [Synced, Healthy]', word('OutOfSync'), 'not_met'],
    ['not in [Failed, Unknown]', word('failed'), 'not_met'],
    ['not in [Failed, Unknown]', word('Healthy'), 'met'],
  ];

  it.each(cases)('%s against %j is %s', (text, observed, outcome) => {
    expect(evaluateThreshold(parseThreshold(text), observed)).toEqual({ outcome });
  });
});

describe('evaluateThreshold: incomparable, never met', () => {
  const cases: ReadonlyArray<[threshold: string, observed: ObservedValue, mentions: string[]]> = [
    ['< 1%', measured(5, 'ms'), ['%', 'fraction', 'ms', 'duration']],
    ['> 0', measured(5, '%'), ['count', '%']],
    ['< 5 s', measured(5, 'count'), ['s (duration)', 'count']],
    ['< 1 MB', measured(1, 'ms'), ['MB (bytes)', 'ms (duration)']],
    ['< 1%', measured(Number.NaN, '%'), ['NaN', 'not a finite number']],
    ['!= 1%', measured(Number.NaN, '%'), ['NaN']],
    ['< 1%', measured(Number.POSITIVE_INFINITY, '%'), ['Infinity']],
    ['< 1%', measured(Number.NEGATIVE_INFINITY, '%'), ['-Infinity']],
    ['> 0', measured(Number.NEGATIVE_INFINITY, 'count'), ['-Infinity']],
    ['< 1%', word('Healthy'), ['compares numbers', '"Healthy"']],
    ['== 0', word('0'), ['compares numbers', '"0"']],
    ['== Healthy', measured(1, 'count'), ['compares words', '1 count']],
    ['in [Synced]', measured(0, '%'), ['compares words']],
    ['not in [Failed]', measured(0, '%'), ['compares words']],
  ];

  it.each(cases)('%s against %j', (text, observed, mentions) => {
    const result = evaluateThreshold(parseThreshold(text), observed);
    expect(result.outcome).toBe('incomparable');
    for (const mention of mentions) {
      expect(result.outcome === 'incomparable' && result.message).toContain(mention);
    }
  });

  it('refuses hand-built thresholds and observations that the types would not allow', () => {
    const nanThreshold = {
      type: 'comparison',
      operator: '!=',
      value: Number.NaN,
      unit: '%',
    } as const;
    const badUnit = {
      type: 'comparison',
      operator: '<',
      value: 1,
      unit: 'pct',
    } as unknown as Threshold;
    const badObserved = { kind: 'measured', value: 1, unit: 'pct' } as unknown as ObservedValue;
    const numberAsWord = { kind: 'word', value: 5 } as unknown as ObservedValue;
    expect(evaluateThreshold(nanThreshold, measured(1, '%')).outcome).toBe('incomparable');
    expect(evaluateThreshold(badUnit, measured(1, '%')).outcome).toBe('incomparable');
    expect(evaluateThreshold(parseThreshold('< 1%'), badObserved).outcome).toBe('incomparable');
    expect(evaluateThreshold(parseThreshold('== Healthy'), numberAsWord).outcome).toBe(
      'incomparable',
    );
  });
});
