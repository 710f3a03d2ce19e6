import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The one rule every connector package follows (docs/writing-a-connector.md, "The package
// surface"). Each check returns problems as sentences naming the file and what was expected,
// so a new connector's author reads what to change instead of a diff.

const root = path.resolve(import.meta.dirname, '..');

/** What the checks need of a zod schema (zod itself is each package's own dependency). */
export interface SchemaLike {
  safeParse(input: unknown): {
    success: boolean;
    error?: { issues: ReadonlyArray<{ code: string; keys?: readonly string[] }> };
  };
  toJSONSchema(options?: { io?: 'input' | 'output'; unrepresentable?: 'any' | 'throw' }): unknown;
}

/** A connector package: where it is and whether it is published. */
export interface ConnectorPackage {
  /** Its folder, relative to the repository root. */
  directory: string;
  /** Examples are private and need no npm name of the `@evidencekit/<id>` form. */
  published: boolean;
}

/** Every package under packages/connectors, and the example third-party connector. */
export function connectorPackages(): ConnectorPackage[] {
  const connectors = readdirSync(path.join(root, 'packages', 'connectors'), {
    withFileTypes: true,
  })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ directory: `packages/connectors/${entry.name}`, published: true }))
    .sort((a, b) => a.directory.localeCompare(b.directory));
  return [...connectors, { directory: 'examples/custom-connector', published: false }];
}

/** The names one connector must export, derived from its id and its brand spelling. */
export interface SurfaceNames {
  create: string;
  connector: string;
  settingsSchema: string;
  selectorSchema: string;
  settings: string;
  selector: string;
  config: string;
  parsedSelector: string;
}

/** `github-actions` → `githubActions`. */
export function camelCaseOf(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * The names for a connector id and the PascalCase `Provider` its factory uses. The brand
 * spelling is free (`GitHubActions`), but it must be the id's letters without dashes.
 */
export function surfaceNames(id: string, provider: string): SurfaceNames {
  const camel = camelCaseOf(id);
  return {
    create: `create${provider}`,
    connector: `${camel}Connector`,
    settingsSchema: `${camel}SettingsSchema`,
    selectorSchema: `${camel}SelectorSchema`,
    settings: `${provider}Settings`,
    selector: `${provider}Selector`,
    config: `${provider}Config`,
    parsedSelector: `Parsed${provider}Selector`,
  };
}

/** Whether `provider` spells the id: the same letters, dashes left out, in any case. */
export function spellsId(provider: string, id: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(provider) && provider.toLowerCase() === id.replace(/-/g, '');
}

/** Files every connector package has, relative to its folder. */
export function requiredFiles(id: string): string[] {
  return [
    'package.json',
    'README.md',
    'src/index.ts',
    'src/version.ts',
    `src/${id}-connector.ts`,
    `src/${id}-facts.ts`,
    `src/${id}-settings.ts`,
    `src/${id}-selector.ts`,
    `src/create-${id}.ts`,
    'test/conformance.test.ts',
    'test/conformance-options.ts',
  ];
}

/** Missing required files. */
export function layoutProblems(id: string, files: readonly string[]): string[] {
  const present = new Set(files);
  return requiredFiles(id)
    .filter((file) => !present.has(file))
    .map((file) => `${file} is missing`);
}

/** A source file of a package: its path relative to the package and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/**
 * Where each role lives: the HTTP client factory (the only caller of `runtime.http`) in
 * `create-<id>-client.ts`, error re-explainers (`withDetails` on a caught error) in
 * `describe-<id>-error.ts`; any other `*-error.ts` must declare an error class.
 */
export function fileRoleProblems(id: string, sources: readonly SourceFile[]): string[] {
  const clientFile = `src/create-${id}-client.ts`;
  const describeFile = `src/describe-${id}-error.ts`;
  const problems: string[] = [];
  for (const { file, text } of sources) {
    if (!file.startsWith('src/')) continue;
    const code = withoutComments(text);
    if (/\.http\s*\(\s*\{/.test(code) && file !== clientFile) {
      problems.push(`${file} creates an HTTP client: the client factory belongs in ${clientFile}`);
    }
    if (/-(http-)?client\.ts$/.test(file) && file !== clientFile) {
      problems.push(`${file} looks like an HTTP client file: name it ${clientFile}`);
    }
    if (/\.withDetails\s*\(/.test(code) && file !== describeFile) {
      problems.push(`${file} re-explains provider errors: that belongs in ${describeFile}`);
    }
    const declaresErrorClass = /\bclass\s+\w+Error\s+extends\s+\w*Error\b/.test(code);
    if (/-error\.ts$/.test(file) && file !== describeFile && !declaresErrorClass) {
      problems.push(
        `${file} is named like an error file but declares no error class: name error re-explainers ${describeFile}`,
      );
    }
  }
  return problems;
}

const FORBIDDEN_MODULES = [
  'undici',
  'node:http',
  'node:https',
  'http',
  'https',
  'node:net',
  'node:tls',
  'node:timers',
  'node:timers/promises',
  'node-fetch',
  'axios',
  'got',
  'ky',
  'p-retry',
  'async-retry',
  'retry',
  'exponential-backoff',
];

/**
 * Transport and waiting are core's: a connector imports no HTTP or retry library, calls no
 * `fetch` and sets no timer (a retry loop needs a wait). `reviewedLoops` lists files whose
 * loop over attempts was reviewed and is not a transport retry, each with why.
 */
export function importProblems(
  sources: readonly SourceFile[],
  reviewedLoops: Readonly<Record<string, string>> = {},
): string[] {
  const problems: string[] = [];
  for (const { file, text } of sources) {
    if (!file.startsWith('src/')) continue;
    const code = withoutComments(text);
    for (const specifier of moduleSpecifiers(file, text)) {
      if (FORBIDDEN_MODULES.includes(specifier)) {
        problems.push(`${file} imports "${specifier}": use runtime.http; the runtime owns retries`);
      }
    }
    if (/(^|[^.\w$])fetch\s*\(/m.test(code)) {
      problems.push(`${file} calls fetch: use the client from runtime.http`);
    }
    if (/(^|[^.\w$])(setTimeout|setInterval)\s*\(|\.sleep\s*\(/m.test(code)) {
      problems.push(`${file} waits (a timer or sleep): the runtime owns waits and retries`);
    }
    const attemptLoop = /\b(for|while)\s*\([^)]*\b(attempt|attempts|retry|retries|tries)\b/.test(
      code,
    );
    if (attemptLoop && reviewedLoops[file] === undefined) {
      problems.push(`${file} loops over attempts: the runtime retries, connectors do not`);
    }
  }
  return problems;
}

function moduleSpecifiers(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    }
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteral(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

function withoutComments(text: string): string {
  const source = ts.createSourceFile('source.ts', text, ts.ScriptTarget.Latest, false);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** One export of an index file, as written. */
export interface IndexExport {
  name: string;
  typeOnly: boolean;
  /** The module it is re-exported from, when it is. */
  from: string | undefined;
}

/** The exports `src/index.ts` declares; `export *` is reported, since it hides the surface. */
export function indexExports(text: string): { exports: IndexExport[]; problems: string[] } {
  const source = ts.createSourceFile('index.ts', text, ts.ScriptTarget.Latest, false);
  const exports: IndexExport[] = [];
  const problems: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const from =
      statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) {
      problems.push(`src/index.ts has "export *" from ${from ?? 'a module'}: name each export`);
      continue;
    }
    for (const element of clause.elements) {
      exports.push({
        name: element.name.text,
        typeOnly: statement.isTypeOnly || element.isTypeOnly,
        from,
      });
    }
  }
  return { exports, problems };
}

/**
 * The type aliases of the settings and selector modules, with their definitions as written:
 * `<Provider>Settings = z.input<typeof <provider>SettingsSchema>` and so on.
 */
export function typeAliasesOf(text: string): Map<string, string> {
  const source = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const exported = statement.modifiers?.some(
      (modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword,
    );
    if (exported === true) {
      aliases.set(statement.name.text, statement.type.getText(source).replace(/\s+/g, ''));
    }
  }
  return aliases;
}

/** Problems with the names, kinds and definitions of the index's exports. */
export function exportNameProblems(
  names: SurfaceNames,
  id: string,
  exports: readonly IndexExport[],
  moduleText: (from: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const byName = new Map(exports.map((entry) => [entry.name, entry]));
  const values = [names.create, names.connector, names.settingsSchema, names.selectorSchema];
  for (const name of [...values, 'VERSION']) {
    const entry = byName.get(name);
    if (entry === undefined) problems.push(`src/index.ts does not export ${name}`);
    else if (entry.typeOnly) problems.push(`src/index.ts exports ${name} as a type; it is a value`);
  }
  const types: Array<[name: string, definition: string, module: string]> = [
    [names.settings, `z.input<typeof${names.settingsSchema}>`, `./${id}-settings`],
    [names.config, `z.output<typeof${names.settingsSchema}>`, `./${id}-settings`],
    [names.selector, `z.input<typeof${names.selectorSchema}>`, `./${id}-selector`],
    [names.parsedSelector, `z.output<typeof${names.selectorSchema}>`, `./${id}-selector`],
  ];
  for (const [name, definition, module] of types) {
    const entry = byName.get(name);
    if (entry === undefined) {
      problems.push(`src/index.ts does not export the type ${name}`);
      continue;
    }
    if (!entry.typeOnly) problems.push(`src/index.ts should export ${name} with "export type"`);
    if (entry.from !== module) {
      problems.push(`src/index.ts should export ${name} from '${module}'`);
      continue;
    }
    const actual = typeAliasesOf(moduleText(module) ?? '').get(name);
    if (actual !== definition) {
      problems.push(
        `src/${module.slice(2)}.ts should declare "export type ${name} = ${definition.replace('typeof', 'typeof ')}"${actual === undefined ? '' : `, not ${actual}`}`,
      );
    }
  }
  return problems;
}

/** The manifest fields every connector package has. */
export function manifestProblems(
  manifest: Record<string, unknown>,
  id: string,
  published: boolean,
): string[] {
  const problems: string[] = [];
  const field = (name: string) => manifest[name];
  if (published && field('name') !== `@evidencekit/${id}`) {
    problems.push(`package.json name should be "@evidencekit/${id}"`);
  }
  if (field('type') !== 'module') problems.push('package.json type should be "module"');
  if (field('sideEffects') !== false) problems.push('package.json sideEffects should be false');
  const engines = field('engines') as Record<string, unknown> | undefined;
  if (engines?.node !== '>=22.19') problems.push('package.json engines.node should be ">=22.19"');
  const keywords = (field('keywords') as unknown[] | undefined) ?? [];
  for (const keyword of ['evidencekit', 'evidencekit-connector']) {
    if (!keywords.includes(keyword)) problems.push(`package.json keywords should have ${keyword}`);
  }
  const exports = field('exports') as Record<string, unknown> | undefined;
  const main = exports?.['.'] as Record<string, unknown> | undefined;
  if (main?.['@evidencekit/source'] !== './src/index.ts') {
    problems.push('package.json exports["."] should point "@evidencekit/source" at ./src/index.ts');
  }
  if (exports?.['./package.json'] !== './package.json') {
    problems.push('package.json exports should have "./package.json"');
  }
  const dependencies = (field('dependencies') as Record<string, string> | undefined) ?? {};
  const peers = (field('peerDependencies') as Record<string, string> | undefined) ?? {};
  if (peers['@evidencekit/core'] === undefined) {
    problems.push('package.json should have @evidencekit/core as a peer dependency');
  }
  if (dependencies['@evidencekit/core'] !== undefined) {
    problems.push('package.json should not depend on @evidencekit/core directly (peer only)');
  }
  if (dependencies.zod === undefined) problems.push('package.json should depend on zod');
  for (const name of Object.keys(dependencies)) {
    if (FORBIDDEN_MODULES.includes(name)) {
      problems.push(`package.json depends on ${name}: the runtime owns transport and retries`);
    }
  }
  return problems;
}

/**
 * Objects in a schema that accept unknown keys: every object of settings and selectors must
 * be strict, at every level, so a misspelt field is refused instead of ignored.
 */
export function looseObjectPaths(schema: SchemaLike): string[] {
  const json = schema.toJSONSchema({ io: 'input', unrepresentable: 'any' });
  const loose: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, `${at}[${index}]`);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.properties !== undefined && record.additionalProperties !== false) {
      loose.push(at || '(root)');
    }
    for (const [key, value] of Object.entries(record)) visit(value, at ? `${at}.${key}` : key);
  };
  visit(json, '');
  return loose;
}

/** Whether a valid sample with one unknown key added at the top is refused for that key. */
export function refusesUnknownKey(schema: SchemaLike, sample: unknown): boolean {
  if (typeof sample !== 'object' || sample === null) return false;
  const probe = { ...(sample as Record<string, unknown>), surfaceProbeUnknownKey: true };
  const result = schema.safeParse(probe);
  return (
    !result.success &&
    (result.error?.issues ?? []).some(
      (issue) =>
        issue.code === 'unrecognized_keys' && (issue.keys ?? []).includes('surfaceProbeUnknownKey'),
    )
  );
}

/** Every file of a package folder outside node_modules and dist, relative to it. */
export function packageFiles(directory: string): string[] {
  const base = path.join(root, directory);
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(base, relative), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/** The TypeScript sources of a package's src folder. */
export function sourceFiles(directory: string): SourceFile[] {
  return packageFiles(directory)
    .filter((file) => file.startsWith('src/') && file.endsWith('.ts'))
    .map((file) => ({ file, text: readFileSync(path.join(root, directory, file), 'utf8') }));
}

/** A file's text, or undefined when it does not exist. */
export function readIfPresent(directory: string, file: string): string | undefined {
  const full = path.join(root, directory, file);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
}

/** The absolute path of a file in the repository. */
export function repositoryPath(...segments: string[]): string {
  return path.join(root, ...segments);
}
