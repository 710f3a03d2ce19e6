import type { ConfiguredConnector } from '../contract/configured-connector';
import { configurationErrorFromZod } from '../errors/configuration-error-from-zod';

/** Validation results per configured connector, so a run validates each settings object once. */
export type SettingsCache = WeakMap<
  ConfiguredConnector,
  { ok: true; config: unknown } | { ok: false; error: unknown }
>;

/**
 * Validates a configured connector's settings with its `configSchema` and returns the parsed
 * config, or throws a `ConfigurationError` naming each bad field under `settings`.
 */
export function validateSettings(configured: ConfiguredConnector, cache?: SettingsCache): unknown {
  let outcome = cache?.get(configured);
  if (outcome === undefined) {
    const parsed = configured.connector.configSchema.safeParse(configured.settings);
    outcome = parsed.success
      ? { ok: true, config: parsed.data }
      : {
          ok: false,
          error: configurationErrorFromZod(
            parsed.error,
            'settings',
            configured.connector.configSchema,
          ),
        };
    cache?.set(configured, outcome);
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.config;
}
