import fc from 'fast-check';
import { MEASUREMENT_UNIT_NAMES } from '../../src/evidence/measurement-unit';
import { COMPARISON_OPERATORS, WORD_OPERATORS } from '../../src/threshold/comparison-operator';
import type { Threshold } from '../../src/threshold/threshold';

/** Words the grammar allows bare: `[A-Za-z_][A-Za-z0-9_.-]*`. */
export const bareWordArbitrary = fc
  .tuple(
    fc.constantFrom(...'ABCXYZabcxyz_'),
    fc.string({ unit: fc.constantFrom(...'AZaz09_.-'), maxLength: 12 }),
  )
  .map(([first, rest]) => first + rest);

// Test-local rule, written independently of the code under test: no C0, DEL or C1 controls.
function hasNoControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}

/** Any non-empty word a threshold may hold, including ones that must be quoted. */
export const thresholdWordArbitrary: fc.Arbitrary<string> = fc.oneof(
  bareWordArbitrary,
  // The characters that stress quoting: quotes, backslashes, separators, spaces.
  fc.string({
    unit: fc.constantFrom('"', '\\', ' ', ',', '[', ']', 'a', 'Z', '0', '-', 'é'),
    minLength: 1,
    maxLength: 10,
  }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter(hasNoControlCharacter),
  // Single UTF-16 code units, lone surrogates included.
  fc
    .string({
      unit: fc.integer({ min: 0x20, max: 0xffff }).map((code) => String.fromCharCode(code)),
      minLength: 1,
      maxLength: 8,
    })
    .filter(hasNoControlCharacter),
);

/** Finite numbers of every kind: integers, short decimals, and any double (-0 included). */
export const thresholdNumberArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, scale]) => digits / 10 ** scale),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const comparisonThresholdArbitrary: fc.Arbitrary<Threshold> = fc.record({
  type: fc.constant('comparison' as const),
  operator: fc.constantFrom(...COMPARISON_OPERATORS),
  value: thresholdNumberArbitrary,
  unit: fc.constantFrom(...MEASUREMENT_UNIT_NAMES),
});

export const wordThresholdArbitrary: fc.Arbitrary<Threshold> = fc.record({
  type: fc.constant('word' as const),
  operator: fc.constantFrom(...WORD_OPERATORS),
  word: thresholdWordArbitrary,
});

export const membershipThresholdArbitrary: fc.Arbitrary<Threshold> = fc.record({
  type: fc.constant('membership' as const),
  negated: fc.boolean(),
  words: fc.array(thresholdWordArbitrary, { minLength: 1, maxLength: 6 }),
});

/** Any threshold tree (its printed text may exceed the length limit; filter where it matters). */
export const thresholdArbitrary: fc.Arbitrary<Threshold> = fc.oneof(
  comparisonThresholdArbitrary,
  wordThresholdArbitrary,
  membershipThresholdArbitrary,
);

/** Texts made of the grammar's tokens, valid and invalid, glued with or without whitespace. */
export const tokenTextArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        '<',
        '<=',
        '>',
        '>=',
        '==',
        '!=',
        '=',
        '!',
        'in',
        'not',
        'not in',
        '[',
        ']',
        ',',
        '"',
        '\\',
        '\\"',
        '-',
        '.',
        'e',
        'E',
        '+',
        '0',
        '1',
        '9',
        '1.5',
        '-2',
        '1e3',
        '1e999',
        '%',
        'ms',
        's',
        'MB',
        'MiB',
        'mb',
        'ratio',
        'count',
        'Healthy',
        '"Out of sync"',
        'x',
        '_',
      ),
      fc.constantFrom('', '', ' ', '  ', '\t', '\n'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.map(([token, space]) => token + space).join(''));
