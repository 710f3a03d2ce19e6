import type { CliSession } from '../cli-session';
import type { CommandArguments } from '../command';
import { booleanFlag, stringFlag } from '../command-flags';
import { findConfigFile, missingConfigError } from './find-config-file';
import { type LoadedConfig, loadConfig } from './load-config';

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
  });
  session.addInlineSecrets(loaded.inlineSecrets);
  for (const warning of loaded.warnings) session.err(`${warning}\n`);
  return loaded;
}
