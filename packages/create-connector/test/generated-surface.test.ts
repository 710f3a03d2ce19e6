import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exportNameProblems,
  fileRoleProblems,
  importProblems,
  indexExports,
  layoutProblems,
  looseObjectPaths,
  manifestProblems,
  packageFiles,
  readIfPresent,
  refusesUnknownKey,
  type SchemaLike,
  sourceFiles,
  surfaceNames,
} from '../../../scripts/connector-surface';
import { runOrExplain } from '../../core/test/package/throwaway-project';
import {
  type ConnectorAnswers,
  connectorNames,
  readToolVersions,
  renderConnector,
  type ScaffoldMode,
} from '../src/index';
import { writeConnector } from '../src/write-connector';

// A generated connector must pass the repository's connector surface rule
// (scripts/connector-surface.ts) and typecheck, for every credential kind and in both modes.
// It is written inside the repository, where its imports resolve to the workspace's
// packages: a dot folder no vitest project, tsconfig or workspace glob picks up, as deep as
// packages/connectors/<id> so that the workspace configs' relative paths hold.

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const probes: string[] = [];
afterAll(() => {
  for (const probe of probes) rmSync(probe, { recursive: true, force: true });
});

const versions = readToolVersions(repositoryRoot);

const variants: Array<[ScaffoldMode, ConnectorAnswers]> = [
  [
    'workspace',
    {
      id: 'acme-status',
      displayName: 'Acme Status',
      category: 'incidents',
      maturity: 'native-pull',
      credential: 'required',
      packageName: '@evidencekit/acme-status',
    },
  ],
  [
    'workspace',
    {
      id: 'k8s-events',
      displayName: 'k8s events',
      category: 'runtime',
      maturity: 'native-pull',
      credential: 'none',
      packageName: '@evidencekit/k8s-events',
    },
  ],
  [
    'standalone',
    {
      id: 'pagerduty',
      displayName: 'PagerDuty',
      category: 'incidents',
      maturity: 'native-pull',
      credential: 'required',
      packageName: '@acme/evidencekit-pagerduty',
    },
  ],
];

function generate(mode: ScaffoldMode, answers: ConnectorAnswers): string {
  const directory = mkdtempSync(
    path.join(import.meta.dirname, '..', `.surface-probe-${answers.id}-`),
  );
  probes.push(directory);
  writeConnector(directory, renderConnector({ answers, mode, versions }));
  return path.relative(repositoryRoot, directory);
}

interface Definition {
  metadata: { id: string; package?: { name: string } };
  configSchema: SchemaLike;
  selectorSchema: SchemaLike;
}

async function surfaceProblems(directory: string, answers: ConnectorAnswers): Promise<string[]> {
  const names = connectorNames(answers.id, answers.displayName);
  const surface = surfaceNames(answers.id, names.provider);
  const problems: string[] = [];
  problems.push(...layoutProblems(answers.id, packageFiles(directory)));
  const manifest = JSON.parse(readIfPresent(directory, 'package.json') ?? '{}') as Record<
    string,
    unknown
  >;
  problems.push(
    ...manifestProblems(manifest, answers.id, answers.packageName.startsWith('@evidencekit/')),
  );
  const parsed = indexExports(readIfPresent(directory, 'src/index.ts') ?? '');
  problems.push(...parsed.problems);
  problems.push(
    ...exportNameProblems(surface, answers.id, parsed.exports, (from) =>
      readIfPresent(directory, `src/${from.replace(/^\.\//, '')}.ts`),
    ),
  );
  const sources = sourceFiles(directory);
  problems.push(...fileRoleProblems(answers.id, sources), ...importProblems(sources));

  const index = (await import(
    pathToFileURL(path.join(repositoryRoot, directory, 'src/index.ts')).href
  )) as Record<string, unknown>;
  const definition = index[surface.connector] as Definition;
  if (definition.metadata.package?.name !== manifest.name) problems.push('metadata.package.name');
  for (const schema of [definition.configSchema, definition.selectorSchema]) {
    problems.push(...looseObjectPaths(schema).map((at) => `loose object at ${at}`));
  }
  const { conformanceOptions } = (await import(
    pathToFileURL(path.join(repositoryRoot, directory, 'test/conformance-options.ts')).href
  )) as {
    conformanceOptions: { settings: (token: string) => unknown; target: { selector: unknown } };
  };
  if (!refusesUnknownKey(definition.configSchema, conformanceOptions.settings('env:PROBE'))) {
    problems.push('settings accept an unknown key');
  }
  if (!refusesUnknownKey(definition.selectorSchema, conformanceOptions.target.selector)) {
    problems.push('selector accepts an unknown key');
  }
  return problems;
}

/** Type errors in the package's sources and tests, with the repository's compiler options. */
function typeErrors(directory: string): string[] {
  const base = ts.readConfigFile(path.join(repositoryRoot, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, repositoryRoot);
  const files = packageFiles(directory)
    .filter((file) => /^(src|test)\/.*\.ts$/.test(file))
    .map((file) => path.join(repositoryRoot, directory, file))
    // What the build defines (__PACKAGE_VERSION__) for the workspace packages it reaches.
    .concat(path.join(repositoryRoot, 'types', 'build-constants.d.ts'));
  const program = ts.createProgram(files, { ...options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where =
      diagnostic.file === undefined
        ? ''
        : `${path.relative(repositoryRoot, diagnostic.file.fileName)}: `;
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

const directories = new Map(
  variants.map(([mode, answers]) => [answers.id, generate(mode, answers)]),
);

describe.each(variants)('a generated %s connector', (mode, answers) => {
  const directory = directories.get(answers.id) ?? '';

  it(`${answers.id} (credential ${answers.credential}) follows the connector surface rule`, async () => {
    expect(await surfaceProblems(directory, answers)).toEqual([]);
  });

  it(`${answers.id} typechecks, tests included`, () => {
    expect(typeErrors(directory)).toEqual([]);
  }, 60_000);

  it(`${answers.id} points no config into a parent folder when standalone`, () => {
    const configs = ['package.json', 'tsconfig.json', 'tsup.config.ts', 'vitest.config.ts'].map(
      (file) => readFileSync(path.join(repositoryRoot, directory, file), 'utf8'),
    );
    const text = configs.join('\n');
    if (mode === 'standalone') {
      expect(text).not.toContain('../');
      expect(text).not.toContain('workspace:');
    } else {
      expect(text).toContain('workspace:');
    }
  });
});

// Its own MSW tests and the conformance suite, from the workspace's sources (the standalone kind
// runs them after an npm install, in standalone-project.test.ts).
describe.each(variants.filter(([mode]) => mode === 'workspace'))(
  'a generated %s connector',
  (_mode, answers) => {
    it(`${answers.id} (credential ${answers.credential}) passes its own tests`, async () => {
      const vitest = createRequire(import.meta.url).resolve('vitest/package.json');
      const output = await runOrExplain(
        process.execPath,
        [path.join(path.dirname(vitest), 'vitest.mjs'), 'run', '--config', 'vitest.config.ts'],
        path.join(repositoryRoot, directories.get(answers.id) ?? ''),
      );
      expect(output).toMatch(/Test Files\s+.*2 passed/);
    }, 120_000);
  },
);
