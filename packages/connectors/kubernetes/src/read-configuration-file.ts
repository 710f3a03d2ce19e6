import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@evidencekit/core/connector';

/** Expands a leading `~` and makes `filePath` absolute (relative to `baseDirectory`). */
export function resolveConfigurationPath(filePath: string, baseDirectory = process.cwd()): string {
  const expanded =
    filePath === '~' || filePath.startsWith('~/')
      ? path.join(homedir(), filePath.slice(1))
      : filePath;
  return path.resolve(baseDirectory, expanded);
}

/**
 * Reads a file named by configuration. A missing or unreadable file is a
 * `ConfigurationError` naming the setting and the path (never the content).
 *
 * @param filePath - Absolute path.
 * @param setting - What the file is, for the message, e.g. `kubeconfig`.
 * @param options - `optional`: resolve to undefined when the file does not exist.
 */
export async function readConfigurationFile(
  filePath: string,
  setting: string,
  options: { optional?: boolean } = {},
): Promise<string | undefined> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (options.optional === true && code === 'ENOENT') return undefined;
    throw new ConfigurationError({
      issues: [
        {
          path: setting,
          expected: `a readable file at ${filePath}`,
          received: code === 'ENOENT' ? 'no such file' : 'a file that could not be read',
        },
      ],
      cause: error,
    });
  }
}
