import { InputLimitError } from '../errors/input-limit-error';
import { lineAndColumn, scanJsonSyntax } from './json-syntax-scan';

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
 * Parses JSON text after a linear scan has checked its grammar and nesting depth. The text is
 * never quoted in a message (a configuration or report can hold a secret): a syntax error is
 * named by its line and column only.
 *
 * @throws InputLimitError (`depth`) when arrays and objects nest deeper than `maxDepth`.
 */
export function parseJsonText(
  text: string,
  options: { maxDepth: number; label: string },
): ParsedJsonText {
  const scan = scanJsonSyntax(text, options.maxDepth);
  if (!scan.ok) {
    const { line, column } = lineAndColumn(text, scan.offset);
    if (scan.problem === 'depth') {
      throw new InputLimitError({
        limit: 'depth',
        maximum: options.maxDepth,
        message: `${options.label} nests arrays and objects more than ${options.maxDepth} levels deep (line ${line}, column ${column}), past the limit of a file the CLI reads; it was not parsed.`,
      });
    }
    const problem = `${scan.offset >= text.length ? 'an unexpected end of the text' : 'a syntax error'} at line ${line}, column ${column}`;
    return { ok: false, problem, message: `${options.label} is not valid JSON: ${problem}.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Unreachable after the scan; kept so a parser disagreement still quotes nothing.
    const problem = 'a syntax error';
    return { ok: false, problem, message: `${options.label} is not valid JSON: ${problem}.` };
  }
}
