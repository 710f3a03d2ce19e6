import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import that leaves the allowed folders, with the chain of files that leads to it. */
export interface ImportCrossing {
  /** The specifier as written, e.g. `../../runtime/logger` or `undici`. */
  specifier: string;
  /** Files from the starting file to the one that imports `specifier`, relative to `root`. */
  chain: string[];
}

/** What {@link followImports} may reach. */
export interface ImportBoundary {
  /** The source root every path is relative to (core's `src`). */
  root: string;
  /** Folders under `root` whose files may be imported, e.g. `contract`. */
  allowedFolders: readonly string[];
  /** Bare module names that may be imported, e.g. `zod`. */
  allowedPackages: readonly string[];
  /** Reads a file; defaults to the file system. Tests of the walker pass a map. */
  readSource?: (absolutePath: string) => string | undefined;
}

function readFromDisk(absolutePath: string): string | undefined {
  return existsSync(absolutePath) ? readFileSync(absolutePath, 'utf8') : undefined;
}

// `./name` is `name.ts` or `name/index.ts`, the two forms the sources use.
function resolveRelative(
  fromFile: string,
  specifier: string,
  readSource: (absolutePath: string) => string | undefined,
): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && readSource(candidate) !== undefined) return candidate;
  }
  return undefined;
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Follows every import of `entries` (value and type imports, re-exports and `import()` types)
 * through the files they reach, and returns each import that leaves `allowedFolders` or names a
 * package outside `allowedPackages`. Each file is read once, so cycles end.
 */
export function followImports(
  entries: readonly string[],
  boundary: ImportBoundary,
): ImportCrossing[] {
  const readSource = boundary.readSource ?? readFromDisk;
  const crossings: ImportCrossing[] = [];
  const seen = new Set<string>();
  const queue: { file: string; chain: string[] }[] = entries.map((file) => ({
    file,
    chain: [path.relative(boundary.root, file)],
  }));
  const isAllowedFile = (absolutePath: string): boolean => {
    const relative = path.relative(boundary.root, absolutePath).split(path.sep);
    return relative[0] !== '..' && boundary.allowedFolders.includes(relative[0] ?? '');
  };

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next.file)) continue;
    seen.add(next.file);
    const text = readSource(next.file);
    if (text === undefined) continue;
    // preProcessFile lists imports, `export … from`, `import type` and `import('…')` types.
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) {
        if (!boundary.allowedPackages.includes(packageNameOf(specifier))) {
          crossings.push({ specifier, chain: next.chain });
        }
        continue;
      }
      const resolved = resolveRelative(next.file, specifier, readSource);
      if (resolved === undefined || !isAllowedFile(resolved)) {
        crossings.push({ specifier, chain: next.chain });
        continue;
      }
      queue.push({
        file: resolved,
        chain: [...next.chain, path.relative(boundary.root, resolved)],
      });
    }
  }
  return crossings;
}
