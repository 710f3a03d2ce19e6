import { describe, expect, it } from 'vitest';
import { thresholdSchema } from '../../src/threshold/threshold-schema';

describe('thresholdSchema', () => {
  it.each([
    { type: 'comparison', operator: '<', value: 1, unit: '%' },
    { type: 'comparison', operator: '!=', value: -0.5, unit: 'count' },
    { type: 'word', operator: '==', word: 'Out of sync' },
    { type: 'membership', negated: true, words: ['Failed'] },
  ])('accepts %j', (threshold) => {
    expect(thresholdSchema.parse(threshold)).toEqual(threshold);
  });

  it.each([
    ['an unknown type', { type: 'range', from: 1, to: 2 }],
    ['an unknown operator', { type: 'comparison', operator: '=<', value: 1, unit: '%' }],
    ['an unknown unit', { type: 'comparison', operator: '<', value: 1, unit: 'mb' }],
    ['a value given as text', { type: 'comparison', operator: '<', value: '1', unit: '%' }],
    ['NaN', { type: 'comparison', operator: '<', value: Number.NaN, unit: '%' }],
    ['Infinity', { type: 'comparison', operator: '<', value: Number.POSITIVE_INFINITY, unit: '%' }],
    ['a misspelled field', { type: 'comparison', operator: '<', value: 1, unit: '%', units: '%' }],
    ['a word operator that only numbers have', { type: 'word', operator: '<', word: 'Healthy' }],
    ['an empty word', { type: 'word', operator: '==', word: '' }],
    ['a word with a control character', { type: 'word', operator: '==', word: 'a\u0000b' }],
    ['an empty list', { type: 'membership', negated: false, words: [] }],
    ['a missing negated flag', { type: 'membership', words: ['Healthy'] }],
    [
      'a list whose text would exceed 256 characters',
      { type: 'membership', negated: false, words: Array.from({ length: 40 }, () => 'Healthy') },
    ],
    ['null', null],
    ['a string', '< 1%'],
  ])('refuses %s', (_description, value) => {
    expect(thresholdSchema.safeParse(value).success).toBe(false);
  });
});
