/** Limits of `parseBoundedJson`. */
export interface JsonTextLimits {
  /** Largest text parsed, in UTF-8 bytes; checked before anything is parsed. */
  maxBytes: number;
  /** Deepest nesting of arrays and objects; checked by a scan before anything is parsed. */
  maxDepth: number;
}

/** What `parseBoundedJson` made of a text. */
export type BoundedJsonResult =
  | { kind: 'json'; value: unknown; bytes: number }
  | { kind: 'not_json'; text: string; bytes: number }
  | { kind: 'too_large'; bytes: number }
  | { kind: 'too_deep'; bytes: number };

/**
 * Parses JSON text within limits: the size is checked first, then one linear scan (no
 * recursion, brackets inside strings ignored) refuses nesting deeper than `maxDepth`, and only
 * then does `JSON.parse` run, so neither a huge nor a deeply nested text can exhaust memory or
 * the stack. A leading byte order mark is dropped. Text that is not JSON is returned as
 * `not_json` (without the mark), for callers that also accept raw text.
 */
export function parseBoundedJson(text: string, limits: JsonTextLimits): BoundedJsonResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) return { kind: 'too_large', bytes };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (nestingExceeds(body, limits.maxDepth)) return { kind: 'too_deep', bytes };
  try {
    return { kind: 'json', value: JSON.parse(body), bytes };
  } catch {
    return { kind: 'not_json', text: body, bytes };
  }
}

/** True when arrays and objects nest deeper than `maxDepth` anywhere in `text`. */
function nestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index += 1; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}
