import { z } from 'zod';
import { lazyShape } from '../evidence/lazy-schema';
import { MEASUREMENT_UNIT_NAMES } from '../evidence/measurement-unit';
import { COMPARISON_OPERATORS, WORD_OPERATORS } from './comparison-operator';
import { MAX_THRESHOLD_TEXT_LENGTH } from './parse-threshold';
import { printThreshold } from './print-threshold';
import type { Threshold } from './threshold';
import { isValidThresholdWord } from './threshold-word';

// Fields are built on first use (`lazyShape`): importing core builds only each schema's root.
const thresholdWordSchema = () =>
  z
    .string()
    .refine(isValidThresholdWord, 'a non-empty word without control characters')
    .describe('A word such as "Healthy"; compared without regard to case.');

const comparisonSchema = z.strictObject(
  lazyShape({
    type: () => z.literal('comparison'),
    operator: () => z.enum(COMPARISON_OPERATORS),
    // zod 4 numbers are finite: NaN and ±Infinity are refused here.
    value: () => z.number().describe('The limit, in `unit`.'),
    unit: () =>
      z.enum(MEASUREMENT_UNIT_NAMES).describe('The unit of `value`; `count` for plain numbers.'),
  }),
);

const wordSchema = z.strictObject(
  lazyShape({
    type: () => z.literal('word'),
    operator: () => z.enum(WORD_OPERATORS),
    word: thresholdWordSchema,
  }),
);

const membershipSchema = z.strictObject(
  lazyShape({
    type: () => z.literal('membership'),
    negated: () => z.boolean().describe('True for `not in`.'),
    words: () => z.array(thresholdWordSchema()).min(1, 'at least one word').readonly(),
  }),
);

/**
 * The zod schema of the structured threshold form. It accepts exactly the thresholds whose
 * canonical text `parseThreshold` reads back, including the length limit, so structured and
 * text configuration can never disagree.
 */
export const thresholdSchema: z.ZodType<Threshold> = z
  .discriminatedUnion('type', [comparisonSchema, wordSchema, membershipSchema])
  .superRefine((threshold, context) => {
    const length = printThreshold(threshold).length;
    if (length > MAX_THRESHOLD_TEXT_LENGTH) {
      context.addIssue({
        code: 'custom',
        message: `a threshold whose text is at most ${MAX_THRESHOLD_TEXT_LENGTH} characters (this one has ${length})`,
      });
    }
  })
  .describe(
    'A threshold in structured form, e.g. { type: "comparison", operator: "<", value: 1, unit: "%" }.',
  );
