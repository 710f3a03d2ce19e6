import { moduleBlock } from './source-layout';
import type { TemplateContext } from './template-context';

/** `src/collect-<id>-facts.ts`: `doCollect`, one fact through `observeOrUnavailable`. */
export function collectSource(context: TemplateContext): string {
  const { names } = context;
  const P = names.provider;
  const imports = moduleBlock([
    {
      keyword: 'import',
      names: ['type CollectOptionsV1', 'type CollectResultV1', 'observeOrUnavailable'],
      from: '@evidencekit/core/connector',
    },
    { keyword: 'import', names: ['SUMMARY_PATH', 'summarySchema'], from: './api/summary-schema' },
    {
      keyword: 'import',
      names: [`create${P}Client`, `${names.camel}ApiUrl`],
      from: `./create-${names.id}-client`,
    },
    { keyword: 'import', typeOnly: true, names: [`${P}FactName`], from: `./${names.id}-facts` },
    {
      keyword: 'import',
      typeOnly: true,
      names: [`Parsed${P}Selector`],
      from: `./${names.id}-selector`,
    },
    { keyword: 'import', typeOnly: true, names: [`${P}Config`], from: `./${names.id}-settings` },
  ]);
  return `${imports}

/**
 * Observes \`component_status\` for one target. A failed request makes the fact \`unavailable\`
 * with the error's reason (\`observeOrUnavailable\`); a component the provider does not list is
 * \`empty\` (unavailable: no_data), never "operational"; a name two components share is a
 * configuration problem, solved by selecting the id.
 */
export async function collect${P}Facts(
  options: CollectOptionsV1<${P}Config, Parsed${P}Selector>,
): Promise<CollectResultV1<${P}FactName>> {
  const { config, selector, signal } = options;
  const client = create${P}Client(options.runtime, config);
  const name = 'component_status';
  const source = { url: ${names.camel}ApiUrl(config, SUMMARY_PATH) };
  const fact = await observeOrUnavailable(name, { signal, source }, async () => {
    const summary = await client.getJson(SUMMARY_PATH, summarySchema);
    const wanted = selector.component.trim();
    const matches = summary.components.filter(
      (item) => item.id === wanted || item.name.trim().toLowerCase() === wanted.toLowerCase(),
    );
    const [match] = matches;
    if (match === undefined) {
      return {
        name,
        kind: 'empty',
        source,
        detail: \`no component "\${wanted}" on "\${summary.page.name}"\`,
      };
    }
    if (matches.length > 1) {
      return {
        name,
        kind: 'unavailable',
        reason: 'config',
        message: \`\${matches.length} components are named "\${wanted}" (ids \${matches.map((item) => item.id).join(', ')}); select one by its id.\`,
        source,
      };
    }
    return { name, kind: 'word', value: match.status, source };
  });
  return { facts: [fact] };
}
`;
}
