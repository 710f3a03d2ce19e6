import { type ConfiguredConnector, configureConnector } from '@evidencekit/core/connector';
import { kubernetesConnector } from './kubernetes-connector';
import type { KubernetesSettings } from './kubernetes-settings';

/**
 * Configures the Kubernetes connector. Nothing is read here: files, tokens and the API
 * server are reached only when evidence is collected or checked.
 *
 * @example
 * ```ts
 * const kubernetes = createKubernetes({ auth: 'in-cluster' });
 * const records = await Array.fromAsync(
 *   collectEvidence({
 *     targets: [{ connector: kubernetes, scope, selector: { namespace: 'shop', deployment: 'api' } }],
 *   }),
 * );
 * ```
 */
export function createKubernetes(
  settings: KubernetesSettings,
  options: { instanceId?: string } = {},
): ConfiguredConnector<typeof kubernetesConnector> {
  return configureConnector(kubernetesConnector, settings, options);
}
