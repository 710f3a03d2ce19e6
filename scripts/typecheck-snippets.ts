import path from 'node:path';
import ts from 'typescript';
import { findPublishedPackages, root } from './package-policy.ts';

/** A piece of documentation code, checked as if it were a module in `directory`. */
export interface Snippet {
  id: string;
  code: string;
  /** Where the snippet "lives": its imports resolve from here (e.g. the package's folder). */
  directory: string;
}

export interface SnippetCheckOptions {
  /**
   * The `lib` to check against. A reader's project uses its target's default, not this
   * repository's (which adds `ESNext.Array`), so docs must not depend on newer library types.
   */
  lib: readonly string[];
}

/** Each published package's entry points (`@evidencekit/testing/vitest` …), mapped to sources. */
function workspaceSourcePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const { name, directory, manifest } of findPublishedPackages()) {
    const exports = manifest.exports;
    if (typeof exports !== 'object' || exports === null) continue;
    for (const [subpath, conditions] of Object.entries(exports)) {
      if (typeof conditions !== 'object' || conditions === null) continue;
      const source = (conditions as Record<string, unknown>)['@evidencekit/source'];
      if (typeof source !== 'string') continue;
      const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
      paths[specifier] = [path.join(directory, source)];
    }
  }
  return paths;
}

function compilerOptions(options: SnippetCheckOptions): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.base.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const base = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath).options;
  const overrides = ts.convertCompilerOptionsFromJson({ lib: [...options.lib] }, root);
  if (overrides.errors.length > 0) {
    throw new Error(
      overrides.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'),
    );
  }
  return { ...base, ...overrides.options, noEmit: true, paths: workspaceSourcePaths() };
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
}

/**
 * Type-checks documentation snippets against the workspace packages' sources in one program,
 * without writing them to disk. Returns each snippet's diagnostics (empty when it compiles);
 * errors inside the packages themselves are not reported, as a reader sees only their types.
 */
export function typecheckSnippets(
  snippets: readonly Snippet[],
  options: SnippetCheckOptions,
): Map<string, string[]> {
  const compiler = compilerOptions(options);
  const virtual = new Map<string, Snippet>();
  snippets.forEach((snippet, index) => {
    virtual.set(path.join(snippet.directory, `__snippet_${index}__.ts`), snippet);
  });
  const host = ts.createCompilerHost(compiler);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.code ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, shouldCreate) => {
    const snippet = virtual.get(file);
    return snippet === undefined
      ? getSourceFile.call(host, file, language, onError, shouldCreate)
      : ts.createSourceFile(file, snippet.code, language, true, ts.ScriptKind.TS);
  };
  const rootNames = [...virtual.keys(), path.join(root, 'types', 'build-constants.d.ts')];
  const program = ts.createProgram({ rootNames, options: compiler, host });
  const results = new Map<string, string[]>();
  for (const [file, snippet] of virtual) {
    const sourceFile = program.getSourceFile(file);
    const diagnostics =
      sourceFile === undefined
        ? [`${snippet.id}: not part of the program`]
        : ts.getPreEmitDiagnostics(program, sourceFile).map(formatDiagnostic);
    results.set(snippet.id, diagnostics);
  }
  return results;
}
