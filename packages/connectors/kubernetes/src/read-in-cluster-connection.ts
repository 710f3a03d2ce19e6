import path from 'node:path';
import { ConfigurationError, type Redactor, SecretValue } from '@evidencekit/core/connector';
import type { ClusterConnection } from './cluster-connection';
import { readConfigurationFile } from './read-configuration-file';

/** What the in-cluster reader needs. */
export interface InClusterOptions {
  /** Holds `token`, `ca.crt` and `namespace`. */
  serviceAccountDirectory: string;
  /** Where `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT` are read. */
  environment: Readonly<Record<string, string | undefined>>;
  redactor: Redactor;
}

/**
 * Reads the pod's service account, as `rest.InClusterConfig` does: the API server from
 * `KUBERNETES_SERVICE_HOST`/`PORT`, the token, CA and namespace from the mounted files.
 *
 * The token file is read on every call, not through the secret resolver's cache: the kubelet
 * rotates projected tokens (about hourly) and a long-running host must see the new one.
 */
export async function readInClusterConnection(
  options: InClusterOptions,
): Promise<ClusterConnection> {
  const host = options.environment.KUBERNETES_SERVICE_HOST;
  const port = options.environment.KUBERNETES_SERVICE_PORT;
  if (host === undefined || host === '' || port === undefined || port === '') {
    throw new ConfigurationError({
      issues: [
        {
          path: 'auth',
          expected:
            '"in-cluster" to run inside a pod, where KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are set',
          received: 'no KUBERNETES_SERVICE_HOST or KUBERNETES_SERVICE_PORT in the environment',
        },
      ],
    });
  }
  const directory = options.serviceAccountDirectory;
  const tokenPath = path.join(directory, 'token');
  const tokenText = await readConfigurationFile(tokenPath, 'serviceAccountDirectory (token)');
  const token = tokenText?.trim() ?? '';
  if (token === '') {
    throw new ConfigurationError({
      issues: [
        {
          path: 'serviceAccountDirectory (token)',
          expected: `a service account token in ${tokenPath}`,
          received: 'an empty file',
        },
      ],
    });
  }
  options.redactor.register(token);
  const certificateAuthority = await readConfigurationFile(
    path.join(directory, 'ca.crt'),
    'serviceAccountDirectory (ca.crt)',
    { optional: true },
  );
  const namespace = (
    await readConfigurationFile(
      path.join(directory, 'namespace'),
      'serviceAccountDirectory (namespace)',
      {
        optional: true,
      },
    )
  )?.trim();
  // An IPv6 service address needs brackets in a URL.
  const hostInUrl = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    server: `https://${hostInUrl}:${port}`,
    token: new SecretValue(token, `file:${tokenPath}`),
    ...(certificateAuthority === undefined ? {} : { certificateAuthority }),
    ...(namespace === undefined || namespace === '' ? {} : { defaultNamespace: namespace }),
    description: `the in-cluster service account (${directory})`,
  };
}
