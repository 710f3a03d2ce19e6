import { z } from 'zod';
import { SERIES_REDUCTIONS } from './fact-readings';
import { PROMETHEUS_FACT_NAMES } from './prometheus-facts';

/**
 * Variables the connector derives from the evidence scope. A selector cannot set them: a
 * target that could rename its service would read another service's metrics under its own
 * scope.
 */
export const SCOPE_VARIABLE_NAMES = [
  'service',
  'environment',
  'workspace',
  'release_version',
  'release_commit',
] as const;

// Prometheus answers at most 11 000 points per series.
const MAX_POINTS_PER_SERIES = 11_000;

const factNameSchema = z.enum(PROMETHEUS_FACT_NAMES);

const queryNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a configured query name');

const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a variable name of letters, digits, underscores')
  .refine((name) => !(SCOPE_VARIABLE_NAMES as readonly string[]).includes(name), {
    message: `expected a name other than the scope variables (${SCOPE_VARIABLE_NAMES.join(', ')}), which come from the target's scope`,
  });

const rangeSchema = z
  .strictObject({
    windowSeconds: z
      .number()
      .int()
      .positive()
      .describe('How far back the range reaches from the collection time, in seconds.'),
    stepSeconds: z.number().positive().describe('Resolution of the range, in seconds.'),
    reduction: z
      .enum(SERIES_REDUCTIONS)
      .optional()
      .describe(
        "How a fact's points become one number. Default per fact: the worst point (max error rate, latency and saturation; min request volume; the last sample time).",
      ),
  })
  .refine((range) => range.windowSeconds / range.stepSeconds <= MAX_POINTS_PER_SERIES, {
    message: `expected at most ${MAX_POINTS_PER_SERIES} points per series (windowSeconds / stepSeconds)`,
  })
  .describe('Run range queries (`/api/v1/query_range`) over a window instead of instant queries.');

/**
 * The zod schema of a Prometheus target's selector: which facts to observe and with which
 * configured queries. It is strict, so a selector carrying query text (`query`, `promql`) is
 * refused rather than silently ignored: a target never supplies PromQL.
 */
export const prometheusSelectorSchema = z
  .strictObject({
    facts: z
      .array(factNameSchema)
      .min(1)
      .refine((facts) => new Set(facts).size === facts.length, {
        message: 'expected each fact once',
      })
      .optional()
      .describe('The facts to observe. Default: every fact in the catalog.'),
    queries: z
      .partialRecord(factNameSchema, queryNameSchema)
      .optional()
      .describe(
        'The configured query that answers a fact, by name. Default: the query named like the fact.',
      ),
    variables: z
      .record(variableNameSchema, z.string().min(1))
      .optional()
      .describe(
        'Extra template variables, e.g. `{ route: "/checkout" }`; escaped like the scope values.',
      ),
    range: rangeSchema.optional(),
  })
  .describe('Which facts a Prometheus target observes, with named queries only.');

/** A Prometheus target's selector, as a host writes it. */
export type PrometheusSelector = z.input<typeof prometheusSelectorSchema>;

/** The selector after validation. */
export type ParsedPrometheusSelector = z.output<typeof prometheusSelectorSchema>;
