import { scanJsonSyntax, textPositionOf } from './scan-json-syntax';

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
  | {
      kind: 'not_json';
      text: string;
      bytes: number;
      /** Where the text first breaks the JSON grammar, 1-based; the text itself is never quoted. */
      line: number;
      column: number;
      /** True when the text ended before the value did (a truncated upload). */
      atEnd: boolean;
    }
  | { kind: 'too_large'; bytes: number }
  | {
      kind: 'too_deep';
      bytes: number;
      /** Where the nesting first goes past the limit, 1-based. */
      line: number;
      column: number;
    };

/**
 * Parses JSON text within limits: the size is checked first, then one linear scan of the JSON
 * grammar (no recursion, no backtracking) refuses nesting deeper than `maxDepth` and locates
 * the first syntax error, and only then does `JSON.parse` run, so neither a huge
 * nor a deeply nested text can exhaust memory or the stack. A leading byte order mark is dropped. Text that is not JSON is returned as
 * `not_json` (without the mark), for callers that also accept raw text.
 */
export function parseBoundedJson(text: string, limits: JsonTextLimits): BoundedJsonResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) return { kind: 'too_large', bytes };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJsonSyntax(body, limits.maxDepth);
  if (!scan.ok) {
    const where = textPositionOf(body, scan.offset);
    if (scan.problem === 'depth') return { kind: 'too_deep', bytes, ...where };
    return { kind: 'not_json', text: body, bytes, ...where, atEnd: scan.offset >= body.length };
  }
  return { kind: 'json', value: JSON.parse(body) as unknown, bytes };
}
