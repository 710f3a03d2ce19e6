import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigurationError } from '@evidencekit/core';
import { parse as parseYaml } from 'yaml';

/**
 * Reads a configuration file into a plain value, by extension: JSON, YAML, or a module
 * (`.ts`, `.mts`, `.js`, `.mjs`) whose default export is the configuration. TypeScript files
 * load through Node's own type stripping (Node 22.18 and later), so they may use only
 * erasable syntax and relative imports need their extension.
 *
 * @throws ConfigurationError naming the file when it cannot be read or parsed.
 */
export async function readConfigFile(file: string): Promise<unknown> {
  const extension = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (extension === '.json' || extension === '.yaml' || extension === '.yml') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw fileError(name, 'a readable file', error);
    }
    if (extension === '.json') {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw fileError(name, 'valid JSON', error);
      }
    }
    try {
      return parseYaml(text) as unknown;
    } catch (error) {
      throw fileError(name, 'valid YAML', error);
    }
  }
  if (['.ts', '.mts', '.js', '.mjs', '.cjs', '.cts'].includes(extension)) {
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (error) {
      throw fileError(name, 'a module that loads', error);
    }
    const config = loaded.default ?? loaded.config;
    if (config === undefined) {
      throw new ConfigurationError({
        issues: [
          { path: name, expected: 'a default export: `export default defineConfig({...})`' },
        ],
      });
    }
    return config;
  }
  throw new ConfigurationError({
    issues: [
      {
        path: name,
        expected: 'a configuration file ending in .ts, .mts, .js, .mjs, .json, .yaml or .yml',
      },
    ],
  });
}

function fileError(name: string, expected: string, error: unknown): ConfigurationError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ConfigurationError({
    issues: [{ path: name, expected, ...(detail === undefined ? {} : { received: detail }) }],
    cause: error,
  });
}
