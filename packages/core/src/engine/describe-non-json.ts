/** Bounds on what a connector may return, so one record can never exhaust the stack or heap. */
export const CONNECTOR_RESULT_LIMITS = {
  /** Objects and arrays nested deeper than this are refused. */
  maxDepth: 64,
  /** Values (objects, arrays and leaves) in one result. */
  maxValues: 200_000,
} as const;

/**
 * Why `value` is not plain JSON data that every report format can write, or `undefined` when
 * it is: cycles, values JSON has no form for (`undefined`, functions, symbols, bigints,
 * non-finite numbers), class instances (`Date`, `Map`, buffers), nesting deeper than
 * {@link CONNECTOR_RESULT_LIMITS.maxDepth}, more values than `maxValues`. Iterative, so a
 * hostile depth cannot overflow the stack. `path` names the place, e.g. `providerMetadata.run`.
 */
export function describeNonJson(value: unknown, path: string): string | undefined {
  // Each entry: the value, its path, its depth, and whether we are leaving it (cycle check).
  const stack: Array<{ value: unknown; path: string; depth: number; leaving: boolean }> = [
    { value, path, depth: 0, leaving: false },
  ];
  const ancestors = new Set<object>();
  let visited = 0;
  while (stack.length > 0) {
    const entry = stack.pop() as (typeof stack)[number];
    const current = entry.value;
    if (entry.leaving) {
      ancestors.delete(current as object);
      continue;
    }
    visited += 1;
    if (visited > CONNECTOR_RESULT_LIMITS.maxValues) {
      return `${path} holds more than ${CONNECTOR_RESULT_LIMITS.maxValues} values`;
    }
    const problem = describeLeaf(current);
    if (problem !== undefined) return `${entry.path} is ${problem}`;
    if (typeof current !== 'object' || current === null) continue;
    if (ancestors.has(current)) return `${entry.path} refers back to itself (a cycle)`;
    if (entry.depth >= CONNECTOR_RESULT_LIMITS.maxDepth) {
      return `${entry.path} is nested deeper than ${CONNECTOR_RESULT_LIMITS.maxDepth} levels`;
    }
    ancestors.add(current);
    stack.push({ value: current, path: entry.path, depth: entry.depth, leaving: true });
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({
          value: current[index],
          path: `${entry.path}[${index}]`,
          depth: entry.depth + 1,
          leaving: false,
        });
      }
    } else {
      for (const key of Object.keys(current).reverse()) {
        stack.push({
          value: (current as Record<string, unknown>)[key],
          path: `${entry.path}.${key}`,
          depth: entry.depth + 1,
          leaving: false,
        });
      }
    }
  }
  return undefined;
}

function describeLeaf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${String(value)}, which JSON cannot hold`;
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) return undefined;
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return `a ${typeof name === 'string' && name !== '' ? name : 'class instance'}, not plain JSON data`;
    }
    default:
      return `${value === undefined ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold`;
  }
}
