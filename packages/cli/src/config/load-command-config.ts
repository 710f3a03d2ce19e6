import { ConfigurationError } from '@evidencekit/core';
import type { CliSession } from '../cli-session';
import type { CommandArguments } from '../command';
import { booleanFlag, stringFlag } from '../command-flags';
import { findConfigFile, missingConfigError } from './find-config-file';
import { type LoadedConfig, loadConfig } from './load-config';
import { DEFAULT_CONFIG_LOAD_TIMEOUT_MS } from './load-config-module';

/**
 * Loads the configuration a command line names (or finds), prints its warnings on stderr and
 * makes inline secrets it allowed resolvable and redacted.
 *
 * @param required - When false, a missing configuration returns undefined instead of throwing.
 * @throws ConfigurationError when the file is missing (if required) or invalid.
 */
export async function loadCommandConfig(
  session: CliSession,
  args: CommandArguments,
  required: true,
): Promise<LoadedConfig>;
export async function loadCommandConfig(
  session: CliSession,
  args: CommandArguments,
  required: boolean,
): Promise<LoadedConfig | undefined>;
export async function loadCommandConfig(
  session: CliSession,
  args: CommandArguments,
  required: boolean,
): Promise<LoadedConfig | undefined> {
  const file = findConfigFile(session.io.cwd, stringFlag(args, 'config'));
  if (file === undefined) {
    if (required) throw missingConfigError(session.io.cwd);
    return undefined;
  }
  const loaded = await loadConfig(file, {
    allowInlineSecrets: booleanFlag(args, 'allow-inline-secrets'),
    timeoutMs: configLoadTimeout(session.io.env),
  });
  session.addInlineSecrets(loaded.inlineSecrets);
  for (const warning of loaded.warnings) session.err(`${warning}\n`);
  return loaded;
}

/** The variable that sets how long a configuration module may take to load, in ms. */
export const CONFIG_TIMEOUT_VARIABLE = 'EVIDENCEKIT_CONFIG_TIMEOUT_MS';

/**
 * `EVIDENCEKIT_CONFIG_TIMEOUT_MS` when it is a whole number of milliseconds (1 to 600 000),
 * else the default of 10 s.
 *
 * @throws ConfigurationError naming the variable when it is set to anything else.
 */
function configLoadTimeout(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[CONFIG_TIMEOUT_VARIABLE];
  if (text === undefined || text === '') return DEFAULT_CONFIG_LOAD_TIMEOUT_MS;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 600_000) {
    throw new ConfigurationError({
      issues: [
        {
          path: CONFIG_TIMEOUT_VARIABLE,
          expected: 'a whole number of milliseconds from 1 to 600000',
          received: `"${text}"`,
        },
      ],
    });
  }
  return value;
}
