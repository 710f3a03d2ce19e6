import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, createRedactor } from '@evidencekit/core';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readKubeconfigConnection } from '../src/read-kubeconfig-connection';
import { API_SERVER, ROUTES } from './fixtures/cluster';
import { collectOne, factOf, healthyRoutes } from './helpers';

const server = useProviderMockServer();
const KUBECONFIG_TOKEN = 'kubeconfig-token-9d8c7b6a5f4e';
const SERVICE_ACCOUNT_TOKEN = 'service-account-token-1a2b3c4d5e6f';
// A self-signed test CA (not a real cluster's); only its PEM framing matters here.
const CA_PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2Vy\n-----END CERTIFICATE-----\n';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'evidencekit-kubernetes-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A kubeconfig as `kubectl config view --raw` writes it (kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/). */
function kubeconfig(user: string): string {
  return `apiVersion: v1
kind: Config
current-context: production
clusters:
- name: prod
  cluster:
    server: ${API_SERVER}
    certificate-authority-data: ${Buffer.from(CA_PEM).toString('base64')}
contexts:
- name: production
  context:
    cluster: prod
    user: evidence
    namespace: shop
users:
- name: evidence
  user:
${user}
`;
}

async function writeKubeconfig(user: string): Promise<string> {
  const file = path.join(directory, 'config');
  await writeFile(file, kubeconfig(user));
  return file;
}

describe('kubeconfig', () => {
  it('reads the server, token, CA data and namespace of the current context', async () => {
    const redactor = createRedactor();
    const file = await writeKubeconfig(`    token: ${KUBECONFIG_TOKEN}`);
    const connection = await readKubeconfigConnection({ path: file, environment: {}, redactor });
    expect(connection.server).toBe(API_SERVER);
    expect(connection.certificateAuthority).toBe(CA_PEM);
    expect(connection.defaultNamespace).toBe('shop');
    expect(String(connection.token)).toBe('[REDACTED]');
    expect(redactor.redactText(`token ${KUBECONFIG_TOKEN}`)).not.toContain(KUBECONFIG_TOKEN);
  });

  it('collects with the kubeconfig token as bearer and never leaks it', async () => {
    const file = await writeKubeconfig(`    token: ${KUBECONFIG_TOKEN}`);
    const record = await collectOne(server, healthyRoutes(), {
      settings: { auth: 'kubeconfig', path: file },
    });
    expect(factOf(record, 'rollout_status').status).toBe('passed');
    expect(server.recorder.find(ROUTES.deployment, API_SERVER)[0]?.headers.authorization).toBe(
      `Bearer ${KUBECONFIG_TOKEN}`,
    );
    expect(JSON.stringify(record)).not.toContain(KUBECONFIG_TOKEN);
  });

  it('reads a tokenFile relative to the kubeconfig and a CA file', async () => {
    await writeFile(path.join(directory, 'token'), `${KUBECONFIG_TOKEN}\n`);
    await writeFile(path.join(directory, 'ca.pem'), CA_PEM);
    const file = path.join(directory, 'config');
    await writeFile(
      file,
      kubeconfig('    tokenFile: token').replace(
        /certificate-authority-data: .*/,
        'certificate-authority: ca.pem',
      ),
    );
    const connection = await readKubeconfigConnection({
      path: file,
      environment: {},
      redactor: createRedactor(),
    });
    expect(connection.certificateAuthority).toBe(CA_PEM);
    expect((connection.token as { reveal(): string }).reveal()).toBe(KUBECONFIG_TOKEN);
  });

  it('merges KUBECONFIG files, the first file that sets a value winning', async () => {
    const first = path.join(directory, 'first');
    await writeFile(first, 'apiVersion: v1\nkind: Config\ncurrent-context: production\n');
    const second = await writeKubeconfig(`    token: ${KUBECONFIG_TOKEN}`);
    const connection = await readKubeconfigConnection({
      environment: {
        KUBECONFIG: [path.join(directory, 'missing'), first, second].join(path.delimiter),
      },
      redactor: createRedactor(),
    });
    expect(connection.description).toBe('kubeconfig context "production"');
  });

  it.each([
    {
      field: 'exec',
      user: '    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: aws\n      args: [eks, get-token]',
    },
    { field: 'auth-provider', user: '    auth-provider:\n      name: oidc' },
    {
      field: 'client-certificate-data',
      user: '    client-certificate-data: Zm9v\n    client-key-data: YmFy',
    },
  ])('refuses $field with a configuration error naming the field', async ({ field, user }) => {
    const file = await writeKubeconfig(user);
    const attempt = readKubeconfigConnection({
      path: file,
      environment: {},
      redactor: createRedactor(),
    });
    await expect(attempt).rejects.toSatisfy(ConfigurationError.isInstance);
    await expect(attempt).rejects.toThrow(`users[evidence].user.${field}`);
  });

  it('refuses a plain http server (the token would travel in clear text)', async () => {
    const file = path.join(directory, 'config');
    await writeFile(
      file,
      kubeconfig(`    token: ${KUBECONFIG_TOKEN}`).replace(
        API_SERVER,
        'http://k8s.example.test:8080',
      ),
    );
    await expect(
      readKubeconfigConnection({ path: file, environment: {}, redactor: createRedactor() }),
    ).rejects.toThrow('an https URL');
  });

  it('makes every fact a config problem when the context is missing', async () => {
    const file = await writeKubeconfig(`    token: ${KUBECONFIG_TOKEN}`);
    const record = await collectOne(
      server,
      {},
      { settings: { auth: 'kubeconfig', path: file, context: 'staging' } },
    );
    expect(record.facts.every((fact) => fact.reason?.code === 'config')).toBe(true);
    expect(factOf(record, 'rollout_status').reason?.message).toContain('staging');
  });
});

describe('in-cluster service account', () => {
  it('reads the mounted token and the service host, and sends the token as bearer', async () => {
    await writeFile(path.join(directory, 'token'), SERVICE_ACCOUNT_TOKEN);
    await writeFile(path.join(directory, 'ca.crt'), CA_PEM);
    await writeFile(path.join(directory, 'namespace'), 'shop');
    const url = new URL(API_SERVER);
    vi.stubEnv('KUBERNETES_SERVICE_HOST', url.hostname);
    vi.stubEnv('KUBERNETES_SERVICE_PORT', url.port);
    const record = await collectOne(server, healthyRoutes(), {
      settings: { auth: 'in-cluster', serviceAccountDirectory: directory },
    });
    expect(record.status).toBe('passed');
    expect(server.recorder.find(ROUTES.deployment, API_SERVER)[0]?.headers.authorization).toBe(
      `Bearer ${SERVICE_ACCOUNT_TOKEN}`,
    );
    expect(JSON.stringify(record)).not.toContain(SERVICE_ACCOUNT_TOKEN);
  });

  it('explains that in-cluster auth needs KUBERNETES_SERVICE_HOST', async () => {
    vi.stubEnv('KUBERNETES_SERVICE_HOST', undefined);
    await writeFile(path.join(directory, 'token'), SERVICE_ACCOUNT_TOKEN);
    const record = await collectOne(
      server,
      {},
      { settings: { auth: 'in-cluster', serviceAccountDirectory: directory } },
    );
    expect(factOf(record, 'rollout_status').reason).toMatchObject({ code: 'config' });
    expect(factOf(record, 'rollout_status').reason?.message).toContain('KUBERNETES_SERVICE_HOST');
  });

  it('names the missing token file', async () => {
    vi.stubEnv('KUBERNETES_SERVICE_HOST', 'k8s.example.test');
    vi.stubEnv('KUBERNETES_SERVICE_PORT', '6443');
    const record = await collectOne(
      server,
      {},
      { settings: { auth: 'in-cluster', serviceAccountDirectory: directory } },
    );
    expect(factOf(record, 'rollout_status').reason?.message).toContain(
      path.join(directory, 'token'),
    );
  });
});
