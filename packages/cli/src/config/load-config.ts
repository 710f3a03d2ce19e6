import path from 'node:path';
import { ConfigurationError, configurationErrorFromZod } from '@evidencekit/core';
import { evidencekitConfigSchema, type ResolvedEvidencekitConfig } from './config-schema';
import { findInlineSecrets } from './find-inline-secrets';
import { DEFAULT_CONFIG_LOAD_TIMEOUT_MS } from './load-config-module';
import { readConfigFile } from './read-config-file';

/** A validated configuration and where it came from. */
export interface LoadedConfig {
  /** The absolute path of the file. */
  file: string;
  /** Its folder: `use` paths and connector packages resolve from here. */
  directory: string;
  config: ResolvedEvidencekitConfig;
  /**
   * Inline secrets that `--allow-inline-secrets` let through, moved into private environment
   * variables so the settings hold only references. The values must be registered with the
   * redactor and given to the secret resolver.
   */
  inlineSecrets: Readonly<Record<string, string>>;
  /** Warnings for stderr (inline secrets). */
  warnings: string[];
}

/**
 * Reads and validates a configuration file. Errors name the file, the field path and what
 * was expected there; values are never echoed, they may be secrets.
 *
 * @throws ConfigurationError on any problem, including inline secrets without
 *   `allowInlineSecrets`.
 */
export async function loadConfig(
  file: string,
  options: { allowInlineSecrets: boolean; timeoutMs?: number },
): Promise<LoadedConfig> {
  const name = path.basename(file);
  const raw = await readConfigFile(file, {
    timeoutMs: options.timeoutMs ?? DEFAULT_CONFIG_LOAD_TIMEOUT_MS,
  });
  const parsed = evidencekitConfigSchema.safeParse(raw);
  if (!parsed.success) throw inFile(name, configurationErrorFromZod(parsed.error, ''));
  const config = parsed.data;

  const inlineSecrets: Record<string, string> = {};
  const warnings: string[] = [];
  const refused: ConfigurationError['issues'][number][] = [];
  for (const [instanceId, entry] of Object.entries(config.connectors)) {
    for (const secret of findInlineSecrets(entry.settings, `connectors.${instanceId}.settings`)) {
      if (!options.allowInlineSecrets) {
        refused.push({
          path: secret.path,
          expected:
            'a secret reference like "env:NAME" or "file:PATH" (inline secrets are refused unless --allow-inline-secrets)',
          received: 'an inline value (not shown)',
        });
        continue;
      }
      const variable = `EVIDENCEKIT_INLINE_SECRET_${Object.keys(inlineSecrets).length + 1}`;
      inlineSecrets[variable] = secret.value;
      replaceAt(entry.settings, secret.keys, `env:${variable}`);
      warnings.push(
        `warning: ${secret.path} holds an inline secret; it was used because of --allow-inline-secrets. Move it to a secret reference such as "env:NAME".`,
      );
    }
  }
  if (refused.length > 0) throw inFile(name, new ConfigurationError({ issues: refused }));
  return { file, directory: path.dirname(file), config, inlineSecrets, warnings };
}

/** Prefixes the error's message with the file name, keeping its issues. */
function inFile(name: string, error: ConfigurationError): ConfigurationError {
  return new ConfigurationError({
    message: `${name}: ${error.message}`,
    issues: [...error.issues],
    cause: error.cause,
  });
}

function replaceAt(root: unknown, keys: readonly (string | number)[], value: string): void {
  let current = root as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  const last = keys.at(-1);
  if (last !== undefined) current[last] = value;
}
