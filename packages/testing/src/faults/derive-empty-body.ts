/** An empty answer derived from a happy-path body. */
export interface DerivedEmptyBody {
  body: unknown;
  /** What was emptied, as paths: `incidents`, `data.result`, `total_count`. */
  emptied: string[];
}

// A number that counts the list it sits next to: `total_count`, `totalCount`, `total`, `count`.
const totalKey = /^(?:total|count)$|_(?:total|count)$|^total_|(?:Total|Count)$/;
const MAX_DEPTH = 32;

/**
 * How a list API answers "nothing", derived from its happy-path body: every list with items
 * becomes empty and every total or count next to it becomes 0 (a missing group is an empty
 * list too). Undefined when the body has nothing to empty (one object, no list): such a
 * route needs a declared `emptyBody`, or `noEmptyAnswer` with the reason.
 */
export function deriveEmptyBody(body: unknown): DerivedEmptyBody | undefined {
  const emptied: string[] = [];
  const visit = (value: unknown, path: string, key: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) {
      if (value.length === 0) return value;
      emptied.push(path === '' ? '(the body)' : path);
      return [];
    }
    if (typeof value === 'number' && value !== 0 && totalKey.test(key)) {
      emptied.push(path);
      return 0;
    }
    if (typeof value === 'object' && value !== null) {
      const output: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        output[name] = visit(item, path === '' ? name : `${path}.${name}`, name, depth + 1);
      }
      return output;
    }
    return value;
  };
  const derived = visit(body, '', '', 0);
  return emptied.some((path) => !isTotalOnly(path, body)) ? { body: derived, emptied } : undefined;
}

/** True when `path` is a total: emptying only totals, with no list, is no empty answer. */
function isTotalOnly(path: string, body: unknown): boolean {
  let value: unknown = body;
  for (const part of path === '(the body)' ? [] : path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof value === 'number';
}

/** The path of the first empty list in a body, or undefined (used to explain a drift). */
export function findEmptyList(body: unknown, path = '', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(body)) {
    // Lists inside items are details; only a list with no item at all leaves drift nothing.
    return body.length === 0 ? (path === '' ? '(the body)' : path) : undefined;
  }
  if (typeof body === 'object' && body !== null) {
    for (const [name, item] of Object.entries(body)) {
      const found = findEmptyList(item, path === '' ? name : `${path}.${name}`, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
