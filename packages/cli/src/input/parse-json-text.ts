import { parseBoundedJson } from '@evidencekit/core';
import { InputLimitError } from '../errors/input-limit-error';

/** JSON that parsed, or why not, located by line and column and never quoting the text. */
export type ParsedJsonText =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** What is wrong and where, e.g. `a syntax error at line 3, column 7`. */
      problem: string;
      /** The same, starting with the file's label. */
      message: string;
    };

/**
 * Parses JSON text with core's bounded parser (one linear scan of the grammar and the nesting
 * depth before `JSON.parse`). The text is never quoted in a message (a configuration or report
 * can hold a secret): a syntax error is named by its line and column only. The size was
 * already capped by the file reader.
 *
 * @throws InputLimitError (`depth`) when arrays and objects nest deeper than `maxDepth`.
 */
export function parseJsonText(
  text: string,
  options: { maxDepth: number; label: string },
): ParsedJsonText {
  const parsed = parseBoundedJson(text, {
    maxBytes: Number.POSITIVE_INFINITY,
    maxDepth: options.maxDepth,
  });
  switch (parsed.kind) {
    case 'json':
      return { ok: true, value: parsed.value };
    case 'not_json': {
      const problem = `${parsed.atEnd ? 'an unexpected end of the text' : 'a syntax error'} at line ${parsed.line}, column ${parsed.column}`;
      return { ok: false, problem, message: `${options.label} is not valid JSON: ${problem}.` };
    }
    case 'too_deep':
      throw new InputLimitError({
        limit: 'depth',
        maximum: options.maxDepth,
        message: `${options.label} nests arrays and objects more than ${options.maxDepth} levels deep (line ${parsed.line}, column ${parsed.column}), past the limit of a file the CLI reads; it was not parsed.`,
      });
    case 'too_large':
      // Unreachable: no byte limit is passed; the file reader capped the size already.
      throw new InputLimitError({
        limit: 'bytes',
        maximum: Number.POSITIVE_INFINITY,
        message: `${options.label} is too large.`,
      });
  }
}
