import { type ConfiguredConnector, configureConnector } from '@evidencekit/core/connector';
import { trivyConnector } from './trivy-connector';
import type { TrivySettings } from './trivy-settings';

/**
 * Creates a Trivy connector bound to its settings.
 *
 * @example
 * ```ts
 * const trivy = createTrivy({ ignoreIds: ['CVE-2023-44487'] });
 * const record = await ingestEvidence(trivy, { scope, payload: reportJson });
 * ```
 */
export function createTrivy(
  settings: TrivySettings = {},
  options: { instanceId?: string } = {},
): ConfiguredConnector<typeof trivyConnector> {
  return configureConnector(trivyConnector, settings, options);
}
