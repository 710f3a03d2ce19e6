import { type ConfiguredConnector, configureConnector } from '@evidencekit/core/connector';
import { statuspageConnector } from './statuspage-connector';
import type { StatuspageSettings } from './statuspage-settings';

/**
 * Binds the Statuspage connector to settings. Settings are validated when the engine first
 * uses them; the token stays a secret reference until a request needs it.
 *
 * @example
 * ```ts
 * const statuspage = createStatuspage({ pageUrl: 'https://status.example.com' });
 * ```
 */
export function createStatuspage(
  settings: StatuspageSettings,
  options: { instanceId?: string } = {},
): ConfiguredConnector<typeof statuspageConnector> {
  return configureConnector(statuspageConnector, settings, options);
}
