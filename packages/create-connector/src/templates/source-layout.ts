// Generated sources are laid out the way the repository's formatter (Biome) writes them, so a
// new connector starts lint-clean: imports sorted, lines broken only past 100 columns.

const LINE_WIDTH = 100;

/**
 * Biome's natural order for names: letter by letter ignoring case, and at the first letter that
 * differs only in case, the uppercase one first.
 */
export function compareNames(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const a = left.charAt(index);
    const b = right.charAt(index);
    if (a === b) continue;
    const lowerA = a.toLowerCase();
    const lowerB = b.toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
    return a === a.toUpperCase() ? -1 : 1;
  }
  return left.length - right.length;
}

/** Packages first (`node:` builtins before them), then `../`, then `./`. */
function moduleRank(from: string): number {
  if (from.startsWith('node:')) return 0;
  if (from.startsWith('../')) return 2;
  if (from.startsWith('./')) return 3;
  return 1;
}

/** One import or re-export declaration. */
export interface ModuleStatement {
  keyword: 'import' | 'export';
  /** `import type { … }` / `export type { … }`. */
  typeOnly?: boolean;
  /** Names; prefix one with `type ` for an inline type import. */
  names: readonly string[];
  from: string;
}

function statementText(statement: ModuleStatement): string {
  const names = [...statement.names].sort((a, b) =>
    compareNames(a.replace(/^type /, ''), b.replace(/^type /, '')),
  );
  const head = `${statement.keyword}${statement.typeOnly === true ? ' type' : ''} {`;
  const tail = `} from '${statement.from}';`;
  const oneLine = `${head} ${names.join(', ')} ${tail}`;
  return oneLine.length <= LINE_WIDTH || names.length === 1
    ? oneLine
    : `${head}\n${names.map((name) => `  ${name},`).join('\n')}\n${tail}`;
}

/** The statements sorted as Biome's import organizer sorts them, one per line. */
export function moduleBlock(statements: readonly ModuleStatement[]): string {
  return [...statements]
    .sort(
      (a, b) =>
        moduleRank(a.from) - moduleRank(b.from) ||
        compareNames(a.from, b.from) ||
        Number(b.typeOnly === true) - Number(a.typeOnly === true),
    )
    .map(statementText)
    .join('\n');
}

/** `oneLine` when it fits in 100 columns (indentation included), else `broken`. */
export function fitting(oneLine: string, broken: string): string {
  return oneLine.split('\n').every((line) => line.length <= LINE_WIDTH) ? oneLine : broken;
}

/**
 * JSON as Biome formats it: objects expanded, arrays of strings on one line when they fit.
 */
export function formatJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    if (
      value.every((item) => typeof item !== 'object') &&
      indent.length + inline.length <= LINE_WIDTH
    ) {
      return inline;
    }
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${formatJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`,
    );
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
