import { z } from 'zod';
import { ThresholdSyntaxError } from '../errors/threshold-syntax-error';
import { lazyShape } from '../evidence/lazy-schema';
import { parseThreshold } from '../threshold/parse-threshold';

/** What an `unavailable` required fact does to the decision: hold the release, or be listed only. */
export const GATE_UNAVAILABLE_MODES = ['block', 'ignore'] as const;
/** What an `unavailable` required fact does to the decision. */
export type GateUnavailableMode = (typeof GATE_UNAVAILABLE_MODES)[number];

/** The environment key that applies to every environment the policy does not list. */
export const DEFAULT_ENVIRONMENT_KEY = '*';

// Fields are built on first use (`lazyShape`): importing core builds only each schema's root.
const thresholdOverrideSchema = () =>
  z
    .string()
    .superRefine((text, context) => {
      try {
        parseThreshold(text);
      } catch (error) {
        if (!ThresholdSyntaxError.isInstance(error)) throw error;
        context.addIssue({ code: 'custom', message: `a valid threshold (${error.message})` });
      }
    })
    .describe('Replaces the threshold the connector applied, e.g. "< 0.5%".');

/** One fact a release needs, from one connector. */
export const requiredFactSchema = z
  .strictObject(
    lazyShape({
      connector: () => z.string().min(1).describe('The connector id, e.g. "prometheus".'),
      fact: () =>
        z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, 'a snake_case fact name')
          .describe('The fact name, e.g. "error_rate".'),
      threshold: () => thresholdOverrideSchema().optional(),
      key: () =>
        z
          .boolean()
          .optional()
          .describe('A key fact: listed on its own in the decision, for reports to lead with.'),
      weight: () =>
        z
          .number()
          .positive()
          .finite()
          .optional()
          .describe('Weight in the informational score (default 1); never changes the decision.'),
    }),
  )
  .describe('A fact the release needs.');

const maxAgeSecondsSchema = () =>
  z
    .number()
    .int()
    .positive()
    .describe(
      'A stricter maximum age for evidence, in seconds; a longer one never extends a record.',
    );

/** The required facts of one environment. */
export const environmentPolicySchema = z
  .strictObject(
    lazyShape({
      required: () =>
        z
          .array(requiredFactSchema)
          .superRefine((facts, context) => {
            const seen = new Set<string>();
            for (const [index, fact] of facts.entries()) {
              const identity = `${fact.connector}\u0000${fact.fact}`;
              if (seen.has(identity)) {
                context.addIssue({
                  code: 'custom',
                  path: [index],
                  message: `each connector and fact once (${fact.connector} / ${fact.fact} is listed twice)`,
                });
              }
              seen.add(identity);
            }
          })
          .describe('The facts a release needs in this environment.'),
      unavailable: () => z.enum(GATE_UNAVAILABLE_MODES).optional(),
      maxAgeSeconds: () => maxAgeSecondsSchema().optional(),
    }),
  )
  .describe('What a release needs in one environment.');

/**
 * A release gate policy: per environment (`*` for every environment not listed), the facts a
 * release needs, and what an unavailable fact means.
 */
export const gatePolicySchema = z
  .strictObject(
    lazyShape({
      environments: () =>
        z
          .record(z.string().min(1), environmentPolicySchema)
          .describe('Required facts by environment name; "*" applies to environments not listed.'),
      unavailable: () =>
        z
          .enum(GATE_UNAVAILABLE_MODES)
          .default('block')
          .describe(
            '"block" (default): a required fact that could not be established holds the release. ' +
              '"ignore": it is listed but does not hold it.',
          ),
      maxAgeSeconds: () => maxAgeSecondsSchema().optional(),
    }),
  )
  .describe('A release gate policy.');

/** One required fact of a gate policy. */
export type RequiredFact = z.output<typeof requiredFactSchema>;
/** The required facts of one environment. */
export type EnvironmentPolicy = z.output<typeof environmentPolicySchema>;
/** A validated gate policy (defaults applied). */
export type GatePolicy = z.output<typeof gatePolicySchema>;
/** A gate policy as written (defaults optional). */
export type GatePolicyInput = z.input<typeof gatePolicySchema>;
