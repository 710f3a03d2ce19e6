import { quoted, type TemplateContext } from './template-context';

/** `src/<id>-selector.ts`: the strict per-target selector schema. */
export function selectorSource(context: TemplateContext): string {
  const { answers, names } = context;
  return `import { z } from 'zod';

/**
 * The zod schema of a ${answers.displayName} target's selector: which component stands for the
 * target's service. It is strict, so a misspelled field is refused instead of silently ignored.
 */
export const ${names.camel}SelectorSchema = z
  .strictObject({
    component: z
      .string()
      .min(1)
      .describe('The component that stands for the service, by name or id, e.g. "Checkout API".'),
  })
  .describe(${quoted(`Which component of ${answers.displayName} a target reads.`)});

/** A ${answers.displayName} target's selector, as a host writes it. */
export type ${names.provider}Selector = z.input<typeof ${names.camel}SelectorSchema>;

/** The selector after validation. */
export type Parsed${names.provider}Selector = z.output<typeof ${names.camel}SelectorSchema>;
`;
}
