import path from 'node:path';
import { ConfigurationError, type Redactor, SecretValue } from '@evidencekit/core/connector';
import { parse as parseYaml } from 'yaml';
import { type Kubeconfig, type KubeconfigUser, kubeconfigSchema } from './api/kubeconfig-schema';
import type { ClusterConnection } from './cluster-connection';
import { readConfigurationFile, resolveConfigurationPath } from './read-configuration-file';

/** What the kubeconfig reader needs. */
export interface KubeconfigOptions {
  /** The `path` setting; when absent, `$KUBECONFIG` or `~/.kube/config`. */
  path?: string;
  /** The `context` setting; when absent, `current-context`. */
  context?: string;
  /** Where `KUBECONFIG` is read. */
  environment: Readonly<Record<string, string | undefined>>;
  redactor: Redactor;
}

// Credential plugins and client certificates need more than a bearer token over the runtime's
// HTTP client; each is refused by name so the operator knows what to change.
const UNSUPPORTED_USER_FIELDS = [
  ['exec', 'exec credential plugins are not supported'],
  ['auth-provider', 'auth-provider plugins are not supported'],
  ['client-certificate', 'client certificates are not supported'],
  ['client-certificate-data', 'client certificates are not supported'],
  ['client-key', 'client certificates are not supported'],
  ['client-key-data', 'client certificates are not supported'],
  ['username', 'basic authentication is not supported'],
  ['password', 'basic authentication is not supported'],
] as const satisfies ReadonlyArray<readonly [keyof KubeconfigUser, string]>;

interface LoadedFile {
  directory: string;
  config: Kubeconfig;
}

/**
 * Reads the server, bearer token and CA of one kubeconfig context. Several files in
 * `KUBECONFIG` merge as kubectl merges them: the first file that sets a value wins. Relative
 * file paths inside a kubeconfig are relative to that file. The token is registered with the
 * redactor as soon as it is read.
 *
 * @throws ConfigurationError naming the file and field when the context, cluster or user is
 *   missing, or the user authenticates with anything but a token (exec plugins, certificates).
 */
export async function readKubeconfigConnection(
  options: KubeconfigOptions,
): Promise<ClusterConnection> {
  const files = await loadFiles(options);
  const contextName = options.context ?? first(files, (file) => file.config['current-context']);
  if (contextName === undefined || contextName === '') {
    throw issue(
      'context',
      'a context name (the `context` setting or current-context)',
      'neither is set',
    );
  }
  const context = findNamed(files, 'contexts', contextName);
  if (context === undefined) {
    throw issue('context', `a context named "${contextName}" in the kubeconfig`, 'no such context');
  }
  const cluster = findNamed(files, 'clusters', context.entry.context.cluster);
  if (cluster === undefined) {
    throw issue(
      `contexts[${contextName}].context.cluster`,
      `a cluster named "${context.entry.context.cluster}" in the kubeconfig`,
      'no such cluster',
    );
  }
  const server = parseServer(cluster.entry.cluster.server, cluster.entry.name);
  const userName = context.entry.context.user;
  const user =
    userName === undefined || userName === null ? undefined : findNamed(files, 'users', userName);
  if (user === undefined) {
    throw issue(
      `contexts[${contextName}].context.user`,
      'a user with a bearer token',
      userName ? `no user named "${userName}"` : 'no user',
    );
  }
  const token = await readToken(
    user.entry.user ?? {},
    user.entry.name,
    user.directory,
    options.redactor,
  );
  const certificateAuthority = await readCertificateAuthority(cluster.entry, cluster.directory);
  const namespace = context.entry.context.namespace;
  return {
    server,
    token,
    ...(certificateAuthority === undefined ? {} : { certificateAuthority }),
    ...(namespace === undefined || namespace === null || namespace === ''
      ? {}
      : { defaultNamespace: namespace }),
    description: `kubeconfig context "${contextName}"`,
  };
}

async function loadFiles(options: KubeconfigOptions): Promise<LoadedFile[]> {
  const fromEnvironment = options.environment.KUBECONFIG;
  const explicit = options.path !== undefined;
  const paths = explicit
    ? [options.path as string]
    : fromEnvironment !== undefined && fromEnvironment !== ''
      ? fromEnvironment.split(path.delimiter).filter((entry) => entry !== '')
      : ['~/.kube/config'];
  const files: LoadedFile[] = [];
  for (const configuredPath of paths) {
    const absolutePath = resolveConfigurationPath(configuredPath);
    // kubectl skips missing files of a KUBECONFIG list; a path the settings name must exist.
    const text = await readConfigurationFile(absolutePath, 'path', { optional: !explicit });
    if (text === undefined) continue;
    files.push({
      directory: path.dirname(absolutePath),
      config: parseKubeconfig(text, absolutePath),
    });
  }
  if (files.length === 0) {
    throw issue('path', `a kubeconfig file (looked at ${paths.join(', ')})`, 'no such file');
  }
  return files;
}

function parseKubeconfig(text: string, filePath: string): Kubeconfig {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw issue('path', `a YAML kubeconfig at ${filePath}`, 'text that is not YAML', error);
  }
  const parsed = kubeconfigSchema.safeParse(document ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw issue(
      `path (${filePath}) ${first?.path.join('.') ?? ''}`.trim(),
      'a kubeconfig (kind: Config)',
      first?.message ?? 'another shape',
    );
  }
  return parsed.data;
}

function first<T>(
  files: readonly LoadedFile[],
  pick: (file: LoadedFile) => T | null | undefined,
): T | undefined {
  for (const file of files) {
    const value = pick(file);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

type NamedList = 'contexts' | 'clusters' | 'users';
type Entry<List extends NamedList> = NonNullable<Kubeconfig[List]>[number];

function findNamed<List extends NamedList>(
  files: readonly LoadedFile[],
  list: List,
  name: string,
): { entry: Entry<List>; directory: string } | undefined {
  for (const file of files) {
    const entries = (file.config[list] ?? []) as ReadonlyArray<Entry<List>>;
    const entry = entries.find((candidate) => candidate.name === name);
    if (entry !== undefined) return { entry, directory: file.directory };
  }
  return undefined;
}

function parseServer(server: string, clusterName: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw issue(
      `clusters[${clusterName}].cluster.server`,
      'an https URL',
      'text that is not a URL',
    );
  }
  if (url.protocol !== 'https:') {
    throw issue(
      `clusters[${clusterName}].cluster.server`,
      'an https URL (a bearer token is never sent in clear text)',
      `a ${url.protocol.replace(':', '')} URL`,
    );
  }
  return server;
}

async function readToken(
  user: KubeconfigUser,
  userName: string,
  directory: string,
  redactor: Redactor,
): Promise<SecretValue> {
  for (const [field, why] of UNSUPPORTED_USER_FIELDS) {
    if (user[field] !== undefined && user[field] !== null) {
      throw issue(
        `users[${userName}].user.${field}`,
        `a bearer token (token or tokenFile); ${why}`,
        `"${field}"`,
      );
    }
  }
  if (typeof user.token === 'string' && user.token !== '') {
    redactor.register(user.token);
    return new SecretValue(user.token, `kubeconfig:users[${userName}].user.token`);
  }
  if (typeof user.tokenFile === 'string' && user.tokenFile !== '') {
    const tokenPath = resolveConfigurationPath(user.tokenFile, directory);
    const text =
      (await readConfigurationFile(tokenPath, `users[${userName}].user.tokenFile`)) ?? '';
    const token = text.trim();
    if (token === '') {
      throw issue(`users[${userName}].user.tokenFile`, 'a file holding a token', 'an empty file');
    }
    redactor.register(token);
    return new SecretValue(token, `file:${tokenPath}`);
  }
  throw issue(`users[${userName}].user`, 'a bearer token (token or tokenFile)', 'no token');
}

async function readCertificateAuthority(
  cluster: Entry<'clusters'>,
  directory: string,
): Promise<string | undefined> {
  const data = cluster.cluster['certificate-authority-data'];
  if (typeof data === 'string' && data !== '') {
    const pem = Buffer.from(data, 'base64').toString('utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw issue(
        `clusters[${cluster.name}].cluster.certificate-authority-data`,
        'a base64-encoded PEM certificate',
        'data that does not decode to a PEM certificate',
      );
    }
    return pem;
  }
  const file = cluster.cluster['certificate-authority'];
  if (typeof file === 'string' && file !== '') {
    return readConfigurationFile(
      resolveConfigurationPath(file, directory),
      `clusters[${cluster.name}].cluster.certificate-authority`,
    );
  }
  return undefined;
}

function issue(
  at: string,
  expected: string,
  received: string,
  cause?: unknown,
): ConfigurationError {
  return new ConfigurationError({
    issues: [{ path: `kubeconfig ${at}`, expected, received }],
    ...(cause === undefined ? {} : { cause }),
  });
}
