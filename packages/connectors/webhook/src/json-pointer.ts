/**
 * JSON Pointer (RFC 6901, https://www.rfc-editor.org/rfc/rfc6901): `""` is the whole document,
 * `/a/0/b~1c` walks object members and array indexes, `~1` stands for `/` and `~0` for `~`.
 */

/** The reference tokens of a pointer, unescaped; undefined when the pointer is malformed. */
export function parseJsonPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    // `~` must be followed by 0 or 1 (RFC 6901 section 3).
    if (/~(?![01])/.test(raw)) return undefined;
    // `~1` first, then `~0`, so `~01` becomes `~1` and not `/` (section 4).
    tokens.push(raw.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  return tokens;
}

/** True when `pointer` is a well-formed JSON Pointer. */
export function isJsonPointer(pointer: string): boolean {
  return parseJsonPointer(pointer) !== undefined;
}

/**
 * The value `pointer` refers to in `document`, or undefined when nothing is there (a missing
 * member, an index past the end, `-`, or a token that is not an index of an array).
 */
export function evaluateJsonPointer(document: unknown, pointer: string): unknown {
  const tokens = parseJsonPointer(pointer);
  if (tokens === undefined) return undefined;
  let current: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      // Indexes are decimal without leading zeros (section 4); `-` is past the end.
      if (!/^(?:0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (typeof current === 'object' && current !== null) {
      // Own members only: `/constructor` must not find Object.prototype.constructor.
      if (!Object.hasOwn(current, token)) return undefined;
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}
