import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ConnectorPackage,
  camelCaseOf,
  connectorPackages,
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
  repositoryPath,
  type SchemaLike,
  sourceFiles,
  spellsId,
  surfaceNames,
} from '../connector-surface';

// Every connector package has the same layout and surface (docs/writing-a-connector.md, "The
// package surface"), as the AI SDK holds its providers to one: the next connector is written
// against this test, not against whichever connector its author read first.

/**
 * Problems a package still has while its owner brings it to the rule. Each entry must still
 * occur: a fixed one fails the test until it is removed here.
 */
const KNOWN_PROBLEMS: Readonly<Record<string, readonly string[]>> = {};

/** Loops over attempts that were reviewed and are not transport retries, with why. */
const REVIEWED_LOOPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'packages/connectors/kubernetes': {
    'src/list-all-items.ts':
      'restarts a chunked list once when its continue token expired (410 Gone), as kubectl does; it never waits',
  },
};

interface ConnectorDefinitionLike {
  specificationVersion: string;
  metadata: { id: string; package?: { name: string } };
  configSchema: SchemaLike;
  selectorSchema: SchemaLike;
}

function isDefinition(value: unknown): value is ConnectorDefinitionLike {
  const candidate = value as Partial<ConnectorDefinitionLike> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.specificationVersion === 'v1' &&
    typeof candidate.metadata?.id === 'string'
  );
}

interface ConformanceSample {
  settings: (token: string) => unknown;
  target: { selector: unknown };
}

function isConformanceSample(value: unknown): value is ConformanceSample {
  const candidate = value as Partial<ConformanceSample> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.settings === 'function' &&
    typeof candidate.target === 'object'
  );
}

async function importModule(directory: string, file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(repositoryPath(directory, file)).href)) as Record<
    string,
    unknown
  >;
}

/** The conformance options (or `<provider>ConformanceOptions(path)`), for valid samples. */
async function conformanceSample(
  directory: string,
  id: string,
): Promise<ConformanceSample | undefined> {
  if (readIfPresent(directory, 'test/conformance-options.ts') === undefined) return undefined;
  const module = await importModule(directory, 'test/conformance-options.ts');
  const direct = module.conformanceOptions;
  if (isConformanceSample(direct)) return direct;
  const factory = module[`${camelCaseOf(id)}ConformanceOptions`];
  if (typeof factory === 'function') {
    const built: unknown = factory('surface-probe/report.json');
    if (isConformanceSample(built)) return built;
  }
  return undefined;
}

interface Inspected {
  id: string;
  problems: string[];
}

async function inspect(pkg: ConnectorPackage): Promise<Inspected> {
  const problems: string[] = [];
  const files = packageFiles(pkg.directory);
  const index = await importModule(pkg.directory, 'src/index.ts');
  const definitions = Object.entries(index).filter(([, value]) => isDefinition(value));
  const [entry] = definitions;
  if (entry === undefined || definitions.length !== 1) {
    return {
      id: '?',
      problems: [
        `src/index.ts should export one connector definition, found ${definitions.length}`,
      ],
    };
  }
  const definition = entry[1] as ConnectorDefinitionLike;
  const id = definition.metadata.id;

  problems.push(...layoutProblems(id, files));
  const manifest = JSON.parse(readIfPresent(pkg.directory, 'package.json') ?? '{}') as Record<
    string,
    unknown
  >;
  problems.push(...manifestProblems(manifest, id, pkg.published));
  if (definition.metadata.package?.name !== manifest.name) {
    problems.push(`metadata.package.name should be the package name "${String(manifest.name)}"`);
  }

  const factories = Object.keys(index)
    .map((name) => /^create([A-Z][A-Za-z0-9]*)$/.exec(name)?.[1])
    .filter((provider): provider is string => provider !== undefined && spellsId(provider, id));
  const [provider] = factories;
  if (provider === undefined) {
    problems.push(`src/index.ts should export create<Provider>, <Provider> spelling "${id}"`);
    return { id, problems };
  }
  const names = surfaceNames(id, provider);
  const indexText = readIfPresent(pkg.directory, 'src/index.ts') ?? '';
  const parsed = indexExports(indexText);
  problems.push(...parsed.problems);
  problems.push(
    ...exportNameProblems(names, id, parsed.exports, (from) =>
      readIfPresent(pkg.directory, `src/${from.replace(/^\.\//, '')}.ts`),
    ),
  );

  if (typeof index[names.create] !== 'function') problems.push(`${names.create} is not a function`);
  if (typeof index.VERSION !== 'string') problems.push('VERSION is not a string');
  if (index[names.connector] !== definition) {
    problems.push(`${names.connector} should be the connector definition`);
  }
  for (const [name, schema] of [
    [names.settingsSchema, definition.configSchema],
    [names.selectorSchema, definition.selectorSchema],
  ] as const) {
    if (index[name] !== undefined && index[name] !== schema) {
      problems.push(`${name} should be the definition's own schema`);
    }
    for (const at of looseObjectPaths(schema)) {
      problems.push(`${name} accepts unknown keys at ${at}: use z.strictObject`);
    }
  }
  const sample = await conformanceSample(pkg.directory, id);
  if (sample === undefined) {
    problems.push(
      `test/conformance-options.ts should export conformanceOptions (or ${camelCaseOf(id)}ConformanceOptions)`,
    );
  } else {
    if (!refusesUnknownKey(definition.configSchema, sample.settings('env:SURFACE_PROBE'))) {
      problems.push(`${names.settingsSchema} accepts a valid settings object with an unknown key`);
    }
    if (!refusesUnknownKey(definition.selectorSchema, sample.target.selector)) {
      problems.push(`${names.selectorSchema} accepts a valid selector with an unknown key`);
    }
  }

  const sources = sourceFiles(pkg.directory);
  problems.push(...fileRoleProblems(id, sources));
  problems.push(...importProblems(sources, REVIEWED_LOOPS[pkg.directory]));
  return { id, problems };
}

describe.each(connectorPackages())('connector package $directory', (pkg) => {
  it('follows the layout, names and surface of every connector', async () => {
    const { problems } = await inspect(pkg);
    const known = KNOWN_PROBLEMS[pkg.directory] ?? [];

    expect(problems.filter((problem) => !known.includes(problem))).toEqual([]);
    expect(
      known.filter((problem) => !problems.includes(problem)),
      'fixed problems: remove them from KNOWN_PROBLEMS',
    ).toEqual([]);
  });
});

describe('shared connector helpers', () => {
  it('leaves observeOrUnavailable to core: no connector keeps a copy of its own', () => {
    for (const pkg of connectorPackages()) {
      for (const file of readdirSync(path.join(pkg.directory, 'src'), { recursive: true })) {
        const name = String(file);
        if (!name.endsWith('.ts')) continue;
        const text = readFileSync(path.join(pkg.directory, 'src', name), 'utf8');
        expect(text, `${pkg.directory}/src/${name}`).not.toMatch(/function observeOrUnavailable\b/);
      }
    }
  });
});

// The rules themselves, on packages that break them: each would pass a broken connector if the
// check it exercises did nothing.
describe('the surface rules', () => {
  it('derives every name from the id and the brand spelling', () => {
    expect(surfaceNames('github-actions', 'GitHubActions')).toEqual({
      create: 'createGitHubActions',
      connector: 'githubActionsConnector',
      settingsSchema: 'githubActionsSettingsSchema',
      selectorSchema: 'githubActionsSelectorSchema',
      settings: 'GitHubActionsSettings',
      selector: 'GitHubActionsSelector',
      config: 'GitHubActionsConfig',
      parsedSelector: 'ParsedGitHubActionsSelector',
    });
    expect(spellsId('GitHubActions', 'github-actions')).toBe(true);
    expect(spellsId('GithubAction', 'github-actions')).toBe(false);
    expect(spellsId('githubActions', 'github-actions')).toBe(false);
  });

  it('reports missing files by name', () => {
    expect(layoutProblems('acme', ['package.json', 'src/index.ts'])).toContain(
      'src/acme-connector.ts is missing',
    );
  });

  it.each([
    [
      'an HTTP client outside create-<id>-client.ts',
      { file: 'src/github-http-client.ts', text: 'runtime.http({ baseUrl });' },
      /belongs in src\/create-acme-client\.ts/,
    ],
    [
      'an error re-explainer outside describe-<id>-error.ts',
      { file: 'src/explain-forbidden.ts', text: 'throw error.withDetails({ message });' },
      /belongs in src\/describe-acme-error\.ts/,
    ],
    [
      'a *-error.ts file that declares no error class',
      { file: 'src/acme-status-error.ts', text: 'export function withStatus() {}' },
      /declares no error class/,
    ],
  ])('places roles: refuses %s', (_name, source, expected) => {
    expect(fileRoleProblems('acme', [source]).join('\n')).toMatch(expected);
  });

  it('accepts an error class in a *-error.ts file', () => {
    const source = {
      file: 'src/acme-signature-error.ts',
      text: 'export class AcmeSignatureError extends EvidencekitError {}',
    };
    expect(fileRoleProblems('acme', [source])).toEqual([]);
  });

  it.each([
    ["import { request } from 'undici';", /imports "undici"/],
    ["import pRetry from 'p-retry';", /imports "p-retry"/],
    ["const http = await import('node:http');", /imports "node:http"/],
    ['const response = await fetch(url);', /calls fetch/],
    ['await new Promise((resolve) => setTimeout(resolve, 1000));', /waits/],
    ['for (let attempt = 0; attempt < 3; attempt += 1) {}', /loops over attempts/],
  ])('refuses transport and retries of its own: %s', (text, expected) => {
    expect(importProblems([{ file: 'src/collect.ts', text }]).join('\n')).toMatch(expected);
  });

  it('ignores what comments say about fetch or retries', () => {
    const text = '// never fetch(url) or setTimeout(): the runtime retries\nexport {};';
    expect(importProblems([{ file: 'src/collect.ts', text }])).toEqual([]);
  });

  it('names type aliases that are not the validated schema types', () => {
    const module = [
      'export const acmeSettingsSchema = z.strictObject({});',
      'export type AcmeSettings = z.input<typeof acmeSettingsSchema>;',
      'export type ResolvedAcmeSettings = z.output<typeof acmeSettingsSchema>;',
      'export type AcmeConfig = z.input<typeof acmeSettingsSchema>;',
    ].join('\n');
    const { exports } = indexExports(
      "export type { AcmeConfig, AcmeSettings } from './acme-settings';",
    );
    const problems = exportNameProblems(surfaceNames('acme', 'Acme'), 'acme', exports, (from) =>
      from === './acme-settings' ? module : undefined,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'src/index.ts does not export createAcme',
        'src/index.ts does not export acmeSettingsSchema',
        expect.stringMatching(/AcmeConfig = z\.output<typeof acmeSettingsSchema>/),
        'src/index.ts does not export the type ParsedAcmeSelector',
      ]),
    );
  });

  it('refuses export * from an index', () => {
    expect(indexExports("export * from './acme-settings';").problems).toEqual([
      'src/index.ts has "export *" from ./acme-settings: name each export',
    ]);
  });

  it('finds loose objects at any depth of a schema', () => {
    const loose: SchemaLike = {
      safeParse: () => ({ success: true }),
      toJSONSchema: () => ({
        type: 'object',
        additionalProperties: false,
        properties: { auth: { type: 'object', properties: { token: { type: 'string' } } } },
      }),
    };
    expect(looseObjectPaths(loose)).toEqual(['properties.auth']);
  });

  it('checks the manifest fields', () => {
    const problems = manifestProblems(
      { name: '@evidencekit/acme', dependencies: { undici: '^7', '@evidencekit/core': '^0.1' } },
      'acme',
      true,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'package.json depends on undici: the runtime owns transport and retries',
        'package.json should have @evidencekit/core as a peer dependency',
        'package.json should not depend on @evidencekit/core directly (peer only)',
        'package.json should depend on zod',
      ]),
    );
  });

  it('checks the names the guide documents', () => {
    const guide = readFileSync(repositoryPath('docs', 'writing-a-connector.md'), 'utf8');
    for (const name of Object.values(surfaceNames('github-actions', 'GitHubActions'))) {
      expect(guide).toContain(name);
    }
  });
});
