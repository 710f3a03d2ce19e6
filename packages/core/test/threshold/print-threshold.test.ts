import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../src/threshold/parse-threshold';
import { printThreshold } from '../../src/threshold/print-threshold';
import type { Threshold } from '../../src/threshold/threshold';

describe('printThreshold', () => {
  const cases: ReadonlyArray<[threshold: Threshold, text: string]> = [
    [{ type: 'comparison', operator: '<', value: 1, unit: '%' }, '< 1%'],
    [{ type: 'comparison', operator: '<=', value: 500, unit: 'ms' }, '<= 500 ms'],
    [{ type: 'comparison', operator: '>=', value: 99.9, unit: '%' }, '>= 99.9%'],
    [{ type: 'comparison', operator: '>', value: 0, unit: 'count' }, '> 0'],
    [{ type: 'comparison', operator: '!=', value: -2.5, unit: 'GiB' }, '!= -2.5 GiB'],
    [{ type: 'comparison', operator: '<', value: 0.05, unit: 'ratio' }, '< 0.05 ratio'],
    [{ type: 'comparison', operator: '<', value: 1e-7, unit: 's' }, '< 1e-7 s'],
    [{ type: 'comparison', operator: '<', value: 1.5e21, unit: 'B' }, '< 1.5e+21 B'],
    [{ type: 'comparison', operator: '==', value: -0, unit: 'count' }, '== -0'],
    [
      { type: 'comparison', operator: '==', value: 0.1 + 0.2, unit: 'count' },
      '== 0.30000000000000004',
    ],
    [{ type: 'word', operator: '==', word: 'Healthy' }, '== Healthy'],
    [{ type: 'word', operator: '!=', word: 'v1.2-beta_3' }, '!= v1.2-beta_3'],
    [{ type: 'word', operator: '==', word: 'Out of sync' }, '== "Out of sync"'],
    [{ type: 'word', operator: '==', word: '0' }, '== "0"'],
    [{ type: 'word', operator: '==', word: '-x' }, '== "-x"'],
    [{ type: 'word', operator: '==', word: 'say "hi"' }, '== "say \\"hi\\""'],
    [{ type: 'word', operator: '==', word: 'a\\b' }, '== "a\\\\b"'],
    [{ type: 'membership', negated: false, words: ['Synced', 'Healthy'] }, 'in [Synced, Healthy]'],
    [
      { type: 'membership', negated: true, words: ['Failed', 'a,b', ']'] },
      'not in [Failed, "a,b", "]"]',
    ],
  ];

  it.each(cases)('%j prints as %j and reads back', (threshold, text) => {
    expect(printThreshold(threshold)).toBe(text);
    expect(parseThreshold(text)).toEqual(threshold);
  });

  it('normalizes spacing and spelling to one canonical text', () => {
    expect(printThreshold(parseThreshold('  <=500ms '))).toBe('<= 500 ms');
    expect(printThreshold(parseThreshold('<1e3 %'))).toBe('< 1000%');
    expect(printThreshold(parseThreshold('== 0 count'))).toBe('== 0');
    expect(printThreshold(parseThreshold('not   in[ "Healthy" ]'))).toBe('not in [Healthy]');
  });
});
