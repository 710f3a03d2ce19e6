import { z } from 'zod';
import { lazyShape } from '../../evidence/lazy-schema';
import { parseQueryTemplate, QueryTemplateProblem } from './parse-query-template';
import { QUERY_LANGUAGES } from './query-language';

/**
 * The zod schema of one named query in configuration: its language and a template with
 * `{{variable}}` placeholders. Refuses a template with a placeholder the language cannot
 * escape (outside quotes for PromQL, LogQL, NRQL and JQL) or an unclosed string, so the
 * mistake surfaces when configuration is loaded rather than at the first collection.
 *
 * @example
 * ```ts
 * queryTemplateSchema.parse({
 *   language: 'promql',
 *   template: 'sum(rate(http_requests_total{job="{{service}}",code=~"5.."}[5m]))',
 * });
 * ```
 */
export const queryTemplateSchema = z
  .strictObject(
    // Built on first use: importing core builds only the schema's root.
    lazyShape({
      language: () => z.enum(QUERY_LANGUAGES),
      template: () => z.string().min(1),
    }),
  )
  .superRefine((value, context) => {
    const parsed = parseQueryTemplate(value.language, value.template);
    if (parsed instanceof QueryTemplateProblem) {
      context.addIssue({
        code: 'custom',
        path: ['template'],
        message: `expected ${parsed.expected}, received ${parsed.received}`,
      });
    }
  })
  .describe('A named query: its language and a template with {{variable}} placeholders.');

/** One named query as configured. */
export type QueryTemplate = z.infer<typeof queryTemplateSchema>;

/** A query name: letters, digits, `.`, `_`, `-`. */
const queryNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'expected a query name of letters, digits, ".", "_" or "-"',
  );

/** The zod schema of a connector's `queries` setting: named query templates. */
export const queryTemplatesSchema = z
  .record(queryNameSchema, queryTemplateSchema)
  .describe('Named queries; targets refer to them by name and never supply query text.');
