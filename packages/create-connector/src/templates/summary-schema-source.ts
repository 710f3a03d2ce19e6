import type { TemplateContext } from './template-context';

/** `src/api/summary-schema.ts`: the private, minimal, tolerant response schema. */
export function summarySchemaSource(_context: TemplateContext): string {
  return `import { z } from 'zod';

// \`GET /api/v2/summary.json\` (a Statuspage-style summary, the placeholder provider), as the
// connector reads it: only the fields it uses, unknown fields allowed, so additions on the
// provider's side break nothing. Replace it with your provider's answer.

/** Where the provider lists its components with their status. */
export const SUMMARY_PATH = 'api/v2/summary.json';

/** One component and its status word. */
const componentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** \`operational\`, \`degraded_performance\`, \`partial_outage\`, \`major_outage\`, \`under_maintenance\`. */
  status: z.string().min(1),
});

/** The part of the summary the connector reads: the page's name and its components. */
export const summarySchema = z.object({
  page: z.object({ name: z.string() }),
  components: z.array(componentSchema),
});
`;
}
