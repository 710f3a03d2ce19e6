import { describe, expect, it } from 'vitest';
import { ThresholdSyntaxError } from '../../src/errors/threshold-syntax-error';
import { MAX_THRESHOLD_TEXT_LENGTH, parseThreshold } from '../../src/threshold/parse-threshold';
import type { Threshold } from '../../src/threshold/threshold';

function catchSyntaxError(text: string): ThresholdSyntaxError {
  try {
    parseThreshold(text);
  } catch (error) {
    if (ThresholdSyntaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('parseThreshold: valid texts', () => {
  const cases: ReadonlyArray<[text: string, expected: Threshold]> = [
    // The examples of the design document.
    ['< 1%', { type: 'comparison', operator: '<', value: 1, unit: '%' }],
    ['<= 500ms', { type: 'comparison', operator: '<=', value: 500, unit: 'ms' }],
    ['>= 99.9%', { type: 'comparison', operator: '>=', value: 99.9, unit: '%' }],
    ['> 0', { type: 'comparison', operator: '>', value: 0, unit: 'count' }],
    ['== 0', { type: 'comparison', operator: '==', value: 0, unit: 'count' }],
    ['!= 0', { type: 'comparison', operator: '!=', value: 0, unit: 'count' }],
    ['< 0.05 ratio', { type: 'comparison', operator: '<', value: 0.05, unit: 'ratio' }],
    ['<= 2 GiB', { type: 'comparison', operator: '<=', value: 2, unit: 'GiB' }],
    ['< 1.5s', { type: 'comparison', operator: '<', value: 1.5, unit: 's' }],
    // Whitespace is optional and may be any mix of space, tab, CR and LF.
    ['<1%', { type: 'comparison', operator: '<', value: 1, unit: '%' }],
    ['  <  1  %  ', { type: 'comparison', operator: '<', value: 1, unit: '%' }],
    ['\t<=\n5\r\nms\n', { type: 'comparison', operator: '<=', value: 5, unit: 'ms' }],
    // Numbers: negative, decimal, exponent, leading zeros, explicit count.
    ['> -3', { type: 'comparison', operator: '>', value: -3, unit: 'count' }],
    ['>= -0.5 h', { type: 'comparison', operator: '>=', value: -0.5, unit: 'h' }],
    ['< 1e3 ms', { type: 'comparison', operator: '<', value: 1000, unit: 'ms' }],
    ['< 1.5E-3 s', { type: 'comparison', operator: '<', value: 0.0015, unit: 's' }],
    ['< 2e+2kB', { type: 'comparison', operator: '<', value: 200, unit: 'kB' }],
    ['< 007', { type: 'comparison', operator: '<', value: 7, unit: 'count' }],
    ['== 0 count', { type: 'comparison', operator: '==', value: 0, unit: 'count' }],
    // Every unit, case-sensitive.
    ['< 10 m', { type: 'comparison', operator: '<', value: 10, unit: 'm' }],
    ['< 3 d', { type: 'comparison', operator: '<', value: 3, unit: 'd' }],
    ['< 10 B', { type: 'comparison', operator: '<', value: 10, unit: 'B' }],
    ['< 1 kB', { type: 'comparison', operator: '<', value: 1, unit: 'kB' }],
    ['< 1 MB', { type: 'comparison', operator: '<', value: 1, unit: 'MB' }],
    ['< 1 MiB', { type: 'comparison', operator: '<', value: 1, unit: 'MiB' }],
    ['< 1 KiB', { type: 'comparison', operator: '<', value: 1, unit: 'KiB' }],
    ['< 1 GB', { type: 'comparison', operator: '<', value: 1, unit: 'GB' }],
    // Words.
    ['== Healthy', { type: 'word', operator: '==', word: 'Healthy' }],
    ['!= Degraded', { type: 'word', operator: '!=', word: 'Degraded' }],
    ['==Healthy', { type: 'word', operator: '==', word: 'Healthy' }],
    ['== _out_of.sync-2', { type: 'word', operator: '==', word: '_out_of.sync-2' }],
    ['== in', { type: 'word', operator: '==', word: 'in' }],
    ['== "Out of sync"', { type: 'word', operator: '==', word: 'Out of sync' }],
    ['== "say \\"hi\\""', { type: 'word', operator: '==', word: 'say "hi"' }],
    ['== "back\\\\slash"', { type: 'word', operator: '==', word: 'back\\slash' }],
    ['== "0"', { type: 'word', operator: '==', word: '0' }],
    ['!= "ünïcödé ✓"', { type: 'word', operator: '!=', word: 'ünïcödé ✓' }],
    // Membership.
    ['in [Synced, Healthy]', { type: 'membership', negated: false, words: ['Synced', 'Healthy'] }],
    [
      'not in [Failed, Unknown]',
      { type: 'membership', negated: true, words: ['Failed', 'Unknown'] },
    ],
    ['in[Synced]', { type: 'membership', negated: false, words: ['Synced'] }],
    [
      '  not \t in  [ "Out of sync" ,Healthy ]  ',
      { type: 'membership', negated: true, words: ['Out of sync', 'Healthy'] },
    ],
    ['in [in, not]', { type: 'membership', negated: false, words: ['in', 'not'] }],
    ['in ["a,b", "]"]', { type: 'membership', negated: false, words: ['a,b', ']'] }],
  ];

  it.each(cases)('%j', (text, expected) => {
    expect(parseThreshold(text)).toEqual(expected);
  });

  it('keeps the sign of -0 so that printing can round-trip it', () => {
    const threshold = parseThreshold('== -0');
    expect(threshold.type === 'comparison' && Object.is(threshold.value, -0)).toBe(true);
  });

  it(`accepts a text of exactly ${MAX_THRESHOLD_TEXT_LENGTH} characters`, () => {
    const text = `< 1${' '.repeat(MAX_THRESHOLD_TEXT_LENGTH - 3)}`;
    expect(parseThreshold(text)).toEqual({
      type: 'comparison',
      operator: '<',
      value: 1,
      unit: 'count',
    });
  });
});

describe('parseThreshold: invalid texts', () => {
  const cases: ReadonlyArray<[text: string, position: number, expected: string]> = [
    ['', 0, 'a comparison operator'],
    ['   ', 3, 'a comparison operator'],
    ['< 1 %x', 5, 'end of threshold'],
    ['= 5', 0, 'a comparison operator'],
    ['=> 5', 0, 'a comparison operator'],
    ['Healthy', 0, 'a comparison operator'],
    ['<', 1, 'a number'],
    ['< ', 2, 'a number'],
    ['< abc', 2, 'only == and != compare words'],
    ['< "x"', 2, 'only == and != compare words'],
    ['== ', 3, 'a number or a word'],
    ['< .5', 2, 'a digit'],
    ['< +5', 2, 'a number'],
    ['< -', 3, 'a digit'],
    ['< - 5', 3, 'a digit'],
    ['< 1.', 4, 'a digit after the decimal point'],
    ['< 1.e5', 4, 'a digit after the decimal point'],
    ['< 1e', 4, 'the digits of the exponent'],
    ['< 1e+', 5, 'the digits of the exponent'],
    ['< 1e999', 2, 'finite'],
    ['< 1 mb', 4, 'a unit (one of %, ratio, ms'],
    ['< 1 Ms', 4, 'units are case-sensitive'],
    ['< 1 msx', 4, 'a unit'],
    ['== 5Healthy', 4, 'a unit'],
    ['< 1 ms 5', 7, 'end of threshold'],
    ['< 1 2', 4, 'end of threshold'],
    ['< 1 % %', 6, 'end of threshold'],
    ['> 5 <', 4, 'end of threshold'],
    ['<\u00a05', 1, 'a number'],
    ['== Healthy Degraded', 11, 'end of threshold'],
    ['== Healthy!', 10, 'end of threshold'],
    ['== ""', 3, 'a non-empty word'],
    ['== "abc', 7, 'a closing double quote'],
    ['== "a\\nb"', 5, 'the only escapes inside quotes'],
    ['== "a\\', 5, 'the only escapes inside quotes'],
    ['== "a\nb"', 5, 'a printable character'],
    ['in', 2, '"["'],
    ['in a', 3, '"["'],
    ['in []', 4, 'the list cannot be empty'],
    ['in [ ]', 5, 'the list cannot be empty'],
    ['in [a,]', 6, 'a word or a double-quoted string'],
    ['in [a b]', 6, '"," or "]"'],
    ['in [a', 5, '"," or "]"'],
    ['in [200]', 4, 'a word or a double-quoted string'],
    ['not', 3, 'a space, then "in"'],
    ['not [a]', 4, '"in"'],
    ['notin [a]', 0, 'a comparison operator'],
    ['not in', 6, '"["'],
    [
      `< 1${' '.repeat(MAX_THRESHOLD_TEXT_LENGTH)}`,
      MAX_THRESHOLD_TEXT_LENGTH,
      'at most 256 characters',
    ],
  ];

  it.each(cases)('%j fails at position %i', (text, position, expected) => {
    const error = catchSyntaxError(text);
    expect(error.position).toBe(position);
    expect(error.expected).toContain(expected);
    expect(error.text).toBe(text);
  });

  it('words the message with the text, the position and what was expected', () => {
    expect(catchSyntaxError('< 1 %x').message).toBe(
      'Invalid threshold "< 1 %x" at position 5: expected end of threshold',
    );
  });

  it('lists every known unit when a unit is unknown', () => {
    expect(catchSyntaxError('< 1 Mb').message).toContain(
      'one of %, ratio, ms, s, m, h, d, count, B, kB, MB, GB, KiB, MiB, GiB',
    );
  });

  it('refuses input that is not a string with a ThresholdSyntaxError', () => {
    for (const input of [undefined, null, 5, {}, Symbol('x')]) {
      expect(() => parseThreshold(input as unknown as string)).toThrow(ThresholdSyntaxError);
    }
  });
});
