import { type ConfiguredConnector, configureConnector } from '@evidencekit/core';
import type { LoadedConfig } from './load-config';
import { loadConnectorModule } from './load-connector-module';

/**
 * Loads every connector package the configuration uses and binds each instance to its
 * settings, under its instance id.
 *
 * @param only - When given, only these instance ids are loaded.
 * @throws ConfigurationError naming `connectors.<id>.use` when a package cannot be loaded.
 */
export async function configureConnectors(
  loaded: LoadedConfig,
  only?: ReadonlySet<string>,
): Promise<Map<string, ConfiguredConnector>> {
  const configured = new Map<string, ConfiguredConnector>();
  for (const [instanceId, entry] of Object.entries(loaded.config.connectors)) {
    if (only !== undefined && !only.has(instanceId)) continue;
    const connector = await loadConnectorModule(entry.use, {
      baseDirectory: loaded.directory,
      fieldPath: `connectors.${instanceId}.use`,
    });
    configured.set(instanceId, configureConnector(connector, entry.settings, { instanceId }));
  }
  return configured;
}
