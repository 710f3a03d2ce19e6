import path from 'node:path';
import { ConfigurationError, textPositionOf } from '@evidencekit/core';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { InputLimitError } from '../errors/input-limit-error';
import { CONFIG_FILE_LIMITS } from '../input/input-limits';
import { parseJsonText } from '../input/parse-json-text';
import { readBoundedText } from '../input/read-bounded-file';
import { findYamlNestingOverflow } from '../input/yaml-nesting-scan';
import { loadConfigModule } from './load-config-module';

/** Extensions of configuration modules, loaded by {@link loadConfigModule}. */
export const CONFIG_MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/**
 * Reads a configuration file into a plain value, by extension: JSON, YAML, or a module
 * (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`) whose default export is the configuration.
 * JSON and YAML are read within {@link CONFIG_FILE_LIMITS} (size, then nesting depth, before
 * parsing); their errors give a line and column and never quote the text, which may hold a
 * secret.
 *
 * @throws ConfigurationError naming the file when it cannot be read, parsed or loaded.
 */
export async function readConfigFile(
  file: string,
  options: { timeoutMs: number },
): Promise<unknown> {
  const extension = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (extension === '.json' || extension === '.yaml' || extension === '.yml') {
    let text: string;
    try {
      text = await readBoundedText(file, { maxBytes: CONFIG_FILE_LIMITS.maxBytes, label: name });
    } catch (error) {
      if (InputLimitError.isInstance(error)) throw fileError(name, 'a smaller file', error.message);
      throw fileError(
        name,
        'a readable file',
        (error as NodeJS.ErrnoException).code ?? 'unreadable',
        error,
      );
    }
    return extension === '.json' ? parseJson(text, name) : parseYamlText(text, name);
  }
  if ((CONFIG_MODULE_EXTENSIONS as readonly string[]).includes(extension)) {
    return loadConfigModule(file, { name, timeoutMs: options.timeoutMs });
  }
  throw new ConfigurationError({
    issues: [
      {
        path: name,
        expected: `a configuration file ending in ${[...CONFIG_MODULE_EXTENSIONS, '.json', '.yaml', '.yml'].join(', ')}`,
      },
    ],
  });
}

function parseJson(text: string, name: string): unknown {
  let parsed: ReturnType<typeof parseJsonText>;
  try {
    parsed = parseJsonText(text, { maxDepth: CONFIG_FILE_LIMITS.maxDepth, label: name });
  } catch (error) {
    if (InputLimitError.isInstance(error)) throw fileError(name, 'shallower JSON', error.message);
    throw error;
  }
  if (!parsed.ok) throw fileError(name, 'valid JSON', parsed.problem);
  return parsed.value;
}

function parseYamlText(text: string, name: string): unknown {
  const overflow = findYamlNestingOverflow(text, CONFIG_FILE_LIMITS.maxDepth);
  if (overflow >= 0) {
    const { line, column } = textPositionOf(text, overflow);
    throw fileError(
      name,
      `YAML nested at most ${CONFIG_FILE_LIMITS.maxDepth} levels deep`,
      `deeper nesting at line ${line}, column ${column}`,
    );
  }
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    // The parser's message ends with a frame of the text; keep only where and what kind.
    const where =
      error instanceof YAMLParseError && error.linePos !== undefined
        ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : '';
    const kind = error instanceof YAMLParseError ? ` (${error.code})` : '';
    throw fileError(name, 'valid YAML', `a syntax error${kind}${where}`);
  }
}

function fileError(
  name: string,
  expected: string,
  received: string,
  cause?: unknown,
): ConfigurationError {
  return new ConfigurationError({
    issues: [{ path: name, expected, received }],
    ...(cause === undefined ? {} : { cause }),
  });
}
