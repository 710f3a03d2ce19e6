import { describe, expect, it } from 'vitest';
import { median, ratio, round } from '../src/shared/statistics';

describe('median', () => {
  it.each([
    { values: [3], expected: 3 },
    { values: [5, 1, 3], expected: 3 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [2, 2, 9, 2], expected: 2 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses an empty list instead of inventing a figure', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('leaves its input in order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it('rounds to two decimals by default', () => {
    expect(ratio(2, 3)).toBe(0.67);
  });

  it('is null when the baseline is 0 (no division by zero in a report)', () => {
    expect(ratio(5, 0)).toBeNull();
  });
});

describe('round', () => {
  it.each([
    { value: 1.005, digits: 1, expected: 1 },
    { value: 12.345, digits: 0, expected: 12 },
    { value: 0.126, digits: 2, expected: 0.13 },
  ])('round($value, $digits) is $expected', ({ value, digits, expected }) => {
    expect(round(value, digits)).toBe(expected);
  });
});
