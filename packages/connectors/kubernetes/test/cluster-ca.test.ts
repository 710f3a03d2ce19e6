import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EvidenceRecord } from '@evidencekit/core';
import {
  collectOne,
  createSelfSignedCertificate,
  type SelfSignedCertificate,
} from '@evidencekit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKubernetes, type KubernetesSettings } from '../src/index';
import { DEPLOYMENT, NAMESPACE } from './fixtures/cluster';
import { deploymentFixture } from './fixtures/deployment';
import { healthyPodList } from './fixtures/pods';
import { replicaSetListFixture } from './fixtures/replica-sets';
import { factOf, KUBERNETES_TEST_RUNTIME, scope, selector, TEST_TOKEN } from './helpers';

// A real API server over TLS on 127.0.0.1, with a throwaway self-signed certificate made for
// this run and used as the cluster CA: no mock server, so the CA is really what is trusted.
let tls: SelfSignedCertificate;
let certificateAuthorityPath: string;
let server: Server;
let apiServer: string;
const requests: string[] = [];

beforeAll(async () => {
  tls = await createSelfSignedCertificate();
  certificateAuthorityPath = tls.certificatePath;
  const bodies: Record<string, unknown> = {
    [`/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${DEPLOYMENT}`]: deploymentFixture(),
    [`/apis/apps/v1/namespaces/${NAMESPACE}/replicasets`]: replicaSetListFixture,
    [`/api/v1/namespaces/${NAMESPACE}/pods`]: healthyPodList,
  };
  server = createServer(
    {
      key: tls.key,
      cert: tls.certificate,
    },
    (request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'https://127.0.0.1');
      requests.push(pathname);
      const body =
        request.headers.authorization === `Bearer ${TEST_TOKEN}` ? bodies[pathname] : undefined;
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { kind: 'Status', code: 404 }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiServer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await tls.remove();
});

beforeEach(() => {
  vi.stubEnv('K8S_TEST_TOKEN', TEST_TOKEN);
  requests.length = 0;
});

function collect(settings: KubernetesSettings): Promise<EvidenceRecord> {
  return collectOne(
    createKubernetes(settings),
    { scope, selector },
    { runtime: KUBERNETES_TEST_RUNTIME },
  );
}

describe('cluster CA', () => {
  it('trusts the API server through the configured certificateAuthorityPath', async () => {
    const record = await collect({
      auth: 'token',
      server: apiServer,
      token: 'env:K8S_TEST_TOKEN',
      certificateAuthorityPath,
    });
    expect(factOf(record, 'rollout_status')).toMatchObject({ status: 'passed', value: 'Complete' });
    expect(record.facts.every((fact) => fact.status !== 'unavailable')).toBe(true);
    expect(requests).toContain(`/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${DEPLOYMENT}`);
  });

  it('refuses the same server without the CA: unavailable, never passed', async () => {
    const record = await collect({ auth: 'token', server: apiServer, token: 'env:K8S_TEST_TOKEN' });
    expect(record.status).toBe('unavailable');
    expect(factOf(record, 'rollout_status')).toMatchObject({
      status: 'unavailable',
      // `config`, not `transient`: no retry makes an untrusted certificate trusted.
      reason: { code: 'config', message: expect.stringContaining('SELF_SIGNED') },
    });
    // The TLS handshake failed: no request reached the server.
    expect(requests).toEqual([]);
  });
});
