import { quoted, type TemplateContext, tokenVariable } from './template-context';

/** `src/<id>-settings.ts`: the strict settings schema, the token a secret reference. */
export function settingsSource(context: TemplateContext): string {
  const { answers, names } = context;
  const { credential } = answers;
  const description = quoted(
    `Sent as \`Authorization: Bearer …\`: a secret reference such as "env:${tokenVariable(context)}", never the token itself.${credential === 'optional' ? ' Leave it out for a public API.' : ''}`,
  );
  const token =
    credential === 'none'
      ? ''
      : `
    token: secretReferenceSchema()${
      credential === 'optional'
        ? `
      .optional()
      .describe(
        ${description},
      ),`
        : `.describe(
      ${description},
    ),`
    }`;
  const imports =
    credential === 'none'
      ? "import { z } from 'zod';"
      : "import { secretReferenceSchema } from '@evidencekit/core/connector';\nimport { z } from 'zod';";
  return `${imports}

/** The zod schema of the ${answers.displayName} connector's settings.${credential === 'none' ? '' : ' The token is a secret reference.'} */
export const ${names.camel}SettingsSchema = z
  .strictObject({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .describe(${quoted(`Where the ${answers.displayName} API is served, e.g. "https://status.example.com".`)}),${token}
  })
  .describe(${quoted(`Settings of the ${answers.displayName} connector.`)});

/** The ${answers.displayName} connector's settings, as a host writes them. */
export type ${names.provider}Settings = z.input<typeof ${names.camel}SettingsSchema>;

/** The settings after validation. */
export type ${names.provider}Config = z.output<typeof ${names.camel}SettingsSchema>;
`;
}
