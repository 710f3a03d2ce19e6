import type { Redactor } from '@evidencekit/core/connector';
import type { ClusterConnection } from './cluster-connection';
import type { KubernetesConfig } from './kubernetes-settings';
import { readConfigurationFile, resolveConfigurationPath } from './read-configuration-file';
import { readInClusterConnection } from './read-in-cluster-connection';
import { readKubeconfigConnection } from './read-kubeconfig-connection';

/**
 * Resolves the settings into a server, a token and a CA. Files are read on each call (not
 * when the connector is created), so a host can configure before they exist and rotated
 * tokens are picked up.
 *
 * @param environment - Where `KUBERNETES_SERVICE_*` and `KUBECONFIG` are read; default
 *   `process.env`, read now.
 */
export async function resolveClusterConnection(
  config: KubernetesConfig,
  options: { redactor: Redactor; environment?: Readonly<Record<string, string | undefined>> },
): Promise<ClusterConnection> {
  const environment = options.environment ?? process.env;
  switch (config.auth) {
    case 'in-cluster':
      return readInClusterConnection({
        serviceAccountDirectory: config.serviceAccountDirectory,
        environment,
        redactor: options.redactor,
      });
    case 'kubeconfig':
      return readKubeconfigConnection({
        ...(config.path === undefined ? {} : { path: config.path }),
        ...(config.context === undefined ? {} : { context: config.context }),
        environment,
        redactor: options.redactor,
      });
    case 'token': {
      const certificateAuthority =
        config.certificateAuthorityPath === undefined
          ? undefined
          : await readConfigurationFile(
              resolveConfigurationPath(config.certificateAuthorityPath),
              'certificateAuthorityPath',
            );
      return {
        server: config.server,
        // A reference: core resolves it at request time and registers it with the redactor.
        token: config.token,
        ...(certificateAuthority === undefined ? {} : { certificateAuthority }),
        ...(config.namespace === undefined ? {} : { defaultNamespace: config.namespace }),
        description: `the token ${config.token}`,
      };
    }
  }
}
