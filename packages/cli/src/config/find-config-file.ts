import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '@evidencekit/core';

/** The file names searched, in order, when `--config` is not given. */
export const CONFIG_FILE_NAMES = [
  'evidencekit.config.ts',
  'evidencekit.config.mts',
  'evidencekit.config.cts',
  'evidencekit.config.js',
  'evidencekit.config.mjs',
  'evidencekit.config.cjs',
  'evidencekit.config.json',
  'evidencekit.config.yaml',
  'evidencekit.config.yml',
] as const;

/**
 * The configuration file to load: `--config` resolved from the working directory, else the
 * first of {@link CONFIG_FILE_NAMES} in it that is not empty. Returns `undefined` when none
 * exists and none was asked for, so commands that can run without configuration can decide.
 *
 * An empty file (0 bytes) is passed over in the search: `evidencekit detect >
 * evidencekit.config.yaml` makes the shell create (or truncate) the file before `detect` runs,
 * and no empty file is a configuration. A file named with `--config` is always loaded.
 *
 * @throws ConfigurationError when `--config` names a file that does not exist.
 */
export function findConfigFile(cwd: string, explicitPath: string | undefined): string | undefined {
  if (explicitPath !== undefined) {
    const resolved = path.resolve(cwd, explicitPath);
    if (!existsSync(resolved)) {
      throw new ConfigurationError({
        issues: [
          { path: '--config', expected: 'an existing configuration file', received: explicitPath },
        ],
      });
    }
    return resolved;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (isNonEmptyFile(candidate)) return candidate;
  }
  return undefined;
}

/** The error for a command that needs configuration when there is none. */
export function missingConfigError(cwd: string): ConfigurationError {
  return new ConfigurationError({
    message: `No configuration found in ${cwd}: create one of ${CONFIG_FILE_NAMES.join(', ')} (\`evidencekit detect\` suggests one; empty files are passed over), or pass --config <file>.`,
    issues: [
      { path: '--config', expected: `a configuration file (${CONFIG_FILE_NAMES.join(', ')})` },
    ],
  });
}

function isNonEmptyFile(file: string): boolean {
  try {
    const info = statSync(file);
    return !info.isFile() || info.size > 0;
  } catch {
    return false;
  }
}
