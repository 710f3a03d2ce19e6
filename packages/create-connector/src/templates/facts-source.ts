import type { TemplateContext } from './template-context';

/** `src/<id>-facts.ts`: the fact catalog, one word fact. */
export function factsSource(context: TemplateContext): string {
  const { answers, names } = context;
  return `import type { FactDefinitionV1 } from '@evidencekit/core/connector';

/** The facts the ${answers.displayName} connector can report, in catalog order. */
export const ${names.upperSnake}_FACT_NAMES = ['component_status'] as const;

/** A fact the ${answers.displayName} connector can report. */
export type ${names.provider}FactName = (typeof ${names.upperSnake}_FACT_NAMES)[number];

/**
 * The fact catalog. A component the provider does not list keeps the default empty rule
 * (\`unavailable: no_data\`): a missing component is never read as "operational".
 */
export const ${names.camel}Facts = [
  {
    name: 'component_status',
    description: 'The status the provider shows for the service’s component.',
    unit: 'word',
    defaultThreshold: '== operational',
    defaultAction:
      'Check why the component is not operational (an outage, degraded performance or maintenance) before promoting.',
  },
] as const satisfies readonly FactDefinitionV1<${names.provider}FactName>[];
`;
}
