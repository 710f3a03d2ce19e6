import type { EvidencekitConfig } from './config-schema';

/**
 * Declares the configuration in `evidencekit.config.ts` with its types checked. Returns it
 * unchanged: the CLI validates it when it loads the file.
 *
 * @example
 * ```ts
 * import { defineConfig } from '@evidencekit/cli';
 *
 * export default defineConfig({
 *   workspaceId: 'acme',
 *   connectors: {
 *     prometheus: {
 *       use: '@evidencekit/prometheus',
 *       settings: { baseUrl: 'https://prometheus.example.com', auth: { type: 'bearer', token: 'env:PROMETHEUS_TOKEN' } },
 *     },
 *   },
 *   services: [{ name: 'checkout', environments: ['production'], targets: [{ connector: 'prometheus' }] }],
 *   policy: { environments: { '*': { required: [{ connector: 'prometheus', fact: 'error_rate' }] } } },
 * });
 * ```
 */
export function defineConfig(config: EvidencekitConfig): EvidencekitConfig {
  return config;
}
