import type { ConnectorAnswers, ScaffoldMode } from './connector-answers';
import { connectorNames } from './connector-names';
import { checkSource } from './templates/check-source';
import { clientSource } from './templates/client-source';
import { collectSource } from './templates/collect-source';
import { connectorSource } from './templates/connector-source';
import { createSource, indexSource, versionSource } from './templates/entry-sources';
import { factsSource } from './templates/facts-source';
import { packageJson } from './templates/package-json';
import { tsconfigJson, tsupConfig, vitestConfig } from './templates/project-configs';
import { readmeSource } from './templates/readme-source';
import { selectorSource } from './templates/selector-source';
import { settingsSource } from './templates/settings-source';
import { summarySchemaSource } from './templates/summary-schema-source';
import type { TemplateContext } from './templates/template-context';
import {
  conformanceOptionsSource,
  conformanceTestSource,
  fixtureSource,
  providerTestSource,
} from './templates/test-sources';
import type { ToolVersions } from './tool-versions';

/** One file of the generated package, relative to the package's folder. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** What {@link renderConnector} needs. */
export interface RenderConnectorOptions {
  answers: ConnectorAnswers;
  mode: ScaffoldMode;
  versions: ToolVersions;
}

/**
 * The files of a connector package, as text, in the layout every connector has
 * (docs/writing-a-connector.md, "The package surface"). Pure: nothing is written.
 */
export function renderConnector(options: RenderConnectorOptions): GeneratedFile[] {
  const context: TemplateContext = {
    ...options,
    names: connectorNames(options.answers.id, options.answers.displayName),
  };
  const { id } = context.names;
  const files: Array<[string, (context: TemplateContext) => string]> = [
    ['package.json', packageJson],
    ['README.md', readmeSource],
    ['tsconfig.json', tsconfigJson],
    ['tsup.config.ts', tsupConfig],
    ['vitest.config.ts', vitestConfig],
    ['src/index.ts', indexSource],
    ['src/version.ts', versionSource],
    [`src/${id}-connector.ts`, connectorSource],
    [`src/${id}-facts.ts`, factsSource],
    [`src/${id}-settings.ts`, settingsSource],
    [`src/${id}-selector.ts`, selectorSource],
    [`src/create-${id}.ts`, createSource],
    [`src/create-${id}-client.ts`, clientSource],
    [`src/collect-${id}-facts.ts`, collectSource],
    [`src/check-${id}.ts`, checkSource],
    ['src/api/summary-schema.ts', summarySchemaSource],
    [`test/fixtures/${id}-responses.ts`, fixtureSource],
    [`test/${id}.test.ts`, providerTestSource],
    ['test/conformance-options.ts', conformanceOptionsSource],
    ['test/conformance.test.ts', conformanceTestSource],
  ];
  if (options.mode === 'standalone')
    files.push(['.gitignore', () => 'node_modules/\ndist/\n*.tgz\n']);
  return files.map(([path, render]) => ({ path, text: render(context) }));
}
