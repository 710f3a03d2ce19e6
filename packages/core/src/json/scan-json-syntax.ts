/** Where a JSON text first breaks a limit or the grammar, as found by {@link scanJsonSyntax}. */
export type JsonScanResult =
  | { ok: true }
  | { ok: false; problem: 'syntax' | 'depth'; offset: number };

/** What the scanner accepts next. */
type Expect =
  /** A value. */
  | 'value'
  /** After `[`: a value or `]`. */
  | 'value-or-end'
  /** After `{`: a key or `}`. */
  | 'key-or-end'
  /** After `,` in an object: a key. */
  | 'key'
  /** After a key: `:`. */
  | 'colon'
  /** After a value: `,`, a closing bracket, or the end of the text. */
  | 'comma-or-end';

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const literals = ['true', 'false', 'null'] as const;

/**
 * Checks that `text` is one JSON value (RFC 8259) nested at most `maxDepth` arrays and objects
 * deep, without building it. One pass, no recursion and no backtracking, so it is linear in
 * the text and safe on any input; `JSON.parse` is called only on text that passed, so neither
 * its recursion nor its error messages (which quote the text) are ever reached.
 *
 * @returns `ok`, or the offset of the first character that breaks the grammar or the depth.
 */
export function scanJsonSyntax(text: string, maxDepth: number): JsonScanResult {
  // One entry per open bracket: true for an object, false for an array.
  const stack: boolean[] = [];
  let expect: Expect = 'value';
  let index = 0;
  const fail = (problem: 'syntax' | 'depth', offset = index): JsonScanResult => ({
    ok: false,
    problem,
    offset,
  });
  const length = text.length;
  while (true) {
    // Whitespace between tokens.
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
      index += 1;
    }
    if (index >= length) {
      return stack.length === 0 && expect === 'comma-or-end' ? { ok: true } : fail('syntax');
    }
    const char = text[index];
    if (expect === 'comma-or-end') {
      const inObject = stack.at(-1);
      if (inObject === undefined) return fail('syntax');
      if (char === ',') {
        expect = inObject ? 'key' : 'value';
        index += 1;
      } else if ((char === '}' && inObject) || (char === ']' && !inObject)) {
        stack.pop();
        index += 1;
      } else {
        return fail('syntax');
      }
      continue;
    }
    if (expect === 'colon') {
      if (char !== ':') return fail('syntax');
      expect = 'value';
      index += 1;
      continue;
    }
    if (expect === 'key-or-end' || expect === 'key') {
      if (char === '}' && expect === 'key-or-end') {
        stack.pop();
        expect = 'comma-or-end';
        index += 1;
        continue;
      }
      if (char !== '"') return fail('syntax');
      const end = stringEnd(text, index);
      if (end < 0) return fail('syntax', -end - 1);
      index = end;
      expect = 'colon';
      continue;
    }
    // 'value' or 'value-or-end'
    if (char === ']' && expect === 'value-or-end') {
      stack.pop();
      expect = 'comma-or-end';
      index += 1;
      continue;
    }
    if (char === '[' || char === '{') {
      if (stack.length >= maxDepth) return fail('depth');
      stack.push(char === '{');
      expect = char === '{' ? 'key-or-end' : 'value-or-end';
      index += 1;
      continue;
    }
    if (char === '"') {
      const end = stringEnd(text, index);
      if (end < 0) return fail('syntax', -end - 1);
      index = end;
    } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      numberPattern.lastIndex = index;
      if (!numberPattern.test(text)) return fail('syntax');
      index = numberPattern.lastIndex;
    } else {
      const literal = literals.find((word) => text.startsWith(word, index));
      if (literal === undefined) return fail('syntax');
      index += literal.length;
    }
    expect = 'comma-or-end';
  }
}

/**
 * The index just after the string starting at `start` (a `"`), or `-(offset + 1)` of the
 * first character that breaks it.
 */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code < 0x20) return -(index + 1);
    if (code === 0x5c) {
      const escaped = text[index + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return -(index + 1);
        index += 6;
        continue;
      }
      if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) return -(index + 1);
      index += 2;
      continue;
    }
    index += 1;
  }
  return -(index + 1);
}

/** The 1-based line and column of `offset` in `text`. */
export function textPositionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index += 1) {
    if (text.charCodeAt(index) === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
