import { moduleBlock } from './source-layout';
import type { TemplateContext } from './template-context';

/** `src/index.ts`: the surface every connector exports, named by the rule, no `export *`. */
export function indexSource(context: TemplateContext): string {
  const { names } = context;
  const P = names.provider;
  const id = names.id;
  return `${moduleBlock([
    { keyword: 'export', names: [`create${P}`], from: `./create-${id}` },
    { keyword: 'export', names: [`${names.camel}Connector`], from: `./${id}-connector` },
    { keyword: 'export', typeOnly: true, names: [`${P}FactName`], from: `./${id}-facts` },
    {
      keyword: 'export',
      typeOnly: true,
      names: [`Parsed${P}Selector`, `${P}Selector`],
      from: `./${id}-selector`,
    },
    { keyword: 'export', names: [`${names.camel}SelectorSchema`], from: `./${id}-selector` },
    {
      keyword: 'export',
      typeOnly: true,
      names: [`${P}Config`, `${P}Settings`],
      from: `./${id}-settings`,
    },
    { keyword: 'export', names: [`${names.camel}SettingsSchema`], from: `./${id}-settings` },
    { keyword: 'export', names: ['VERSION'], from: './version' },
  ])}
`;
}

/** `src/version.ts`: `VERSION`, replaced at build time. */
export function versionSource(context: TemplateContext): string {
  return `// Replaced with the package's version by the build (tsup's \`define\`).
declare const __PACKAGE_VERSION__: string | undefined;

/** The version of \`${context.answers.packageName}\`, injected at build time. */
export const VERSION: string =
  // Running from sources (vitest, tsx) has no build step.
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-source';
`;
}

/** `src/create-<id>.ts`: `create<Provider>(settings, { instanceId? })`. */
export function createSource(context: TemplateContext): string {
  const { answers, names } = context;
  const P = names.provider;
  const imports = moduleBlock([
    {
      keyword: 'import',
      names: ['type ConfiguredConnector', 'configureConnector'],
      from: '@evidencekit/core/connector',
    },
    { keyword: 'import', names: [`${names.camel}Connector`], from: `./${names.id}-connector` },
    { keyword: 'import', typeOnly: true, names: [`${P}Settings`], from: `./${names.id}-settings` },
  ]);
  return `${imports}

/**
 * Binds the ${answers.displayName} connector to settings. Settings are validated when the
 * engine first uses them${answers.credential === 'none' ? '' : '; the token stays a secret reference until a request needs it'}.
 *
 * @example
 * \`\`\`ts
 * const ${names.camel} = create${P}(${answers.credential === 'required' ? `{\n *   baseUrl: 'https://status.example.com',\n *   token: 'env:${names.upperSnake}_TOKEN',\n * }` : "{ baseUrl: 'https://status.example.com' }"});
 * \`\`\`
 */
export function create${P}(
  settings: ${P}Settings,
  options: { instanceId?: string } = {},
): ConfiguredConnector<typeof ${names.camel}Connector> {
  return configureConnector(${names.camel}Connector, settings, options);
}
`;
}
