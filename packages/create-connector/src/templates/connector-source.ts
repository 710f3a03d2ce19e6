import { moduleBlock } from './source-layout';
import { quoted, REPOSITORY_URL, type TemplateContext } from './template-context';

/** `src/<id>-connector.ts`: `defineConnector` with complete metadata. */
export function connectorSource(context: TemplateContext): string {
  const { answers, names, mode } = context;
  const P = names.provider;
  const documentation =
    mode === 'workspace'
      ? `\n    documentationUrl: '${REPOSITORY_URL}/tree/main/packages/connectors/${names.id}#readme',`
      : '';
  const imports = moduleBlock([
    { keyword: 'import', names: ['defineConnector'], from: '@evidencekit/core/connector' },
    { keyword: 'import', names: [`check${P}`], from: `./check-${names.id}` },
    { keyword: 'import', names: [`collect${P}Facts`], from: `./collect-${names.id}-facts` },
    { keyword: 'import', names: [`${names.camel}Facts`], from: `./${names.id}-facts` },
    { keyword: 'import', names: [`${names.camel}SelectorSchema`], from: `./${names.id}-selector` },
    { keyword: 'import', names: [`${names.camel}SettingsSchema`], from: `./${names.id}-settings` },
    { keyword: 'import', names: ['VERSION'], from: './version' },
  ]);
  return `${imports}

/**
 * The ${answers.displayName} connector: the status of the service's component, read from the
 * provider's summary. Declared with \`defineConnector\`, so config, selector and fact names are
 * checked against the schemas and the catalog.
 */
export const ${names.camel}Connector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: '${names.id}',
    displayName: ${quoted(answers.displayName)},
    category: '${answers.category}',
    maturity: '${answers.maturity}',
    credential: '${answers.credential}',
    scope: {
      minimum: 'Read access to the component summary (GET /api/v2/summary.json).',
      avoid: 'Credentials that can change the provider’s data: this connector only reads.',
    },
    facts: ${names.camel}Facts,
    defaultMaxAgeSeconds: 300,${documentation}
    package: { name: '${answers.packageName}', version: VERSION },
  },
  configSchema: ${names.camel}SettingsSchema,
  selectorSchema: ${names.camel}SelectorSchema,
  doCheck: check${P},
  doCollect: collect${P}Facts,
});
`;
}
