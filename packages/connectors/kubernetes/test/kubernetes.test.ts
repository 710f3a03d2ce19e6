import { evidenceRecordSchema } from '@evidencekit/core';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API_SERVER,
  CURRENT_HASH,
  DIGEST,
  NAMESPACE,
  OLD_REPLICA_SET_UID,
  OTHER_DIGEST,
  ROUTES,
} from './fixtures/cluster';
import {
  DEADLINE_EXCEEDED_CONDITIONS,
  deploymentFixture,
  PROGRESSING_CONDITIONS,
} from './fixtures/deployment';
import { containerStatus, crashLoopingStatus, podFixture, podListFixture } from './fixtures/pods';
import { statusFixture } from './fixtures/reviews';
import { collectOne, factOf, healthyRoutes, scope, selector, TEST_TOKEN } from './helpers';

const server = useProviderMockServer();

beforeEach(() => {
  vi.stubEnv('K8S_TEST_TOKEN', TEST_TOKEN);
});

describe('collect: a complete rollout', () => {
  it('passes every fact and reads only the namespace it was given', async () => {
    const record = await collectOne(server, healthyRoutes());

    expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
    expect(record.status).toBe('passed');
    expect(factOf(record, 'rollout_status')).toMatchObject({ status: 'passed', value: 'Complete' });
    expect(factOf(record, 'available_replicas')).toMatchObject({
      status: 'passed',
      value: '3/3 (100%)',
      measurement: { value: 100, unit: '%' },
    });
    expect(factOf(record, 'pod_restarts')).toMatchObject({ status: 'passed', value: '0 restarts' });
    expect(factOf(record, 'image_digest')).toMatchObject({ status: 'passed', value: DIGEST });
    expect(record.facts.map((fact) => fact.name)).not.toContain('image_digest_match');
    expect(factOf(record, 'rollout_status').source?.url).toBe(
      `${API_SERVER}/apis/apps/v1/namespaces/shop/deployments/nginx-deployment`,
    );
    expect(record.providerMetadata?.kubernetes).toMatchObject({ revision: '4', generation: 7 });

    const urls = server.recorder.requests.map((request) => request.url);
    expect(urls.every((url) => url.pathname.includes(`/namespaces/${NAMESPACE}/`))).toBe(true);
    const pods = server.recorder.find(ROUTES.pods, API_SERVER)[0];
    expect(pods?.url.searchParams.get('labelSelector')).toBe(
      `app=nginx,pod-template-hash=${CURRENT_HASH}`,
    );
    expect(pods?.url.searchParams.get('limit')).toBe('500');
    expect(pods?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('never writes the token into the record', async () => {
    const record = await collectOne(server, healthyRoutes());
    expect(JSON.stringify(record)).not.toContain(TEST_TOKEN);
  });

  it('matches the release digest when the scope names one, and flags another', async () => {
    const matching = await collectOne(server, healthyRoutes(), {
      scope: { ...scope, release: { artifactDigest: DIGEST } },
    });
    expect(factOf(matching, 'image_digest_match')).toMatchObject({
      status: 'passed',
      value: 'match',
    });

    const other = await collectOne(server, healthyRoutes(), {
      scope: { ...scope, release: { artifactDigest: OTHER_DIGEST } },
    });
    expect(factOf(other, 'image_digest_match')).toMatchObject({
      status: 'failed',
      value: 'mismatch',
    });
    expect(factOf(other, 'image_digest_match').reason?.message).toContain(DIGEST);
  });

  it('reports mixed digests when pods of one ReplicaSet run different images', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: {
        json: podListFixture([
          podFixture('a'),
          podFixture('b', {
            statuses: [containerStatus({ imageID: `docker.io/library/nginx@${OTHER_DIGEST}` })],
          }),
        ]),
      },
    });
    expect(factOf(record, 'image_digest')).toMatchObject({ status: 'failed', value: 'mixed' });
  });

  it('ignores pods of other ReplicaSets and terminating pods', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: {
        json: podListFixture([
          podFixture('a'),
          podFixture('old', { ownerUid: OLD_REPLICA_SET_UID, statuses: [crashLoopingStatus] }),
          podFixture('gone', { deleting: true, statuses: [crashLoopingStatus] }),
        ]),
      },
    });
    expect(factOf(record, 'pod_restarts')).toMatchObject({ status: 'passed', value: '0 restarts' });
  });

  it('reads every chunk of a paginated pod list', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: ({ request }) =>
        new URL(request.url).searchParams.get('continue') === 'chunk-2'
          ? {
              json: podListFixture([
                podFixture('b', { statuses: [containerStatus({ restartCount: 2 })] }),
              ]),
            }
          : { json: podListFixture([podFixture('a')], 'chunk-2') },
    });
    expect(factOf(record, 'pod_restarts')).toMatchObject({ status: 'failed', value: '2 restarts' });
  });
});

describe('collect: rollouts in progress (kubectl rollout status)', () => {
  it.each([
    {
      case: 'generation not observed',
      deployment: deploymentFixture({ generation: 8, status: { observedGeneration: 7 } }),
      message: 'observe generation 8',
    },
    {
      case: 'not every replica updated',
      deployment: deploymentFixture({
        conditions: PROGRESSING_CONDITIONS,
        status: { updatedReplicas: 1, replicas: 4, availableReplicas: 3 },
      }),
      message: '1 of 3 new replicas have been updated',
    },
    {
      case: 'old replicas still terminating',
      deployment: deploymentFixture({
        conditions: PROGRESSING_CONDITIONS,
        status: { updatedReplicas: 3, replicas: 4, availableReplicas: 3 },
      }),
      message: '1 old replicas are pending termination',
    },
    {
      case: 'updated replicas not yet available',
      deployment: deploymentFixture({
        conditions: PROGRESSING_CONDITIONS,
        status: { updatedReplicas: 3, replicas: 3, availableReplicas: 2 },
      }),
      message: '2 of 3 updated replicas are available',
    },
  ])('$case → rollout_status pending (in_progress)', async ({ deployment, message }) => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.deployment]: { json: deployment },
    });
    const rollout = factOf(record, 'rollout_status');
    expect(rollout).toMatchObject({ status: 'pending', value: 'Progressing' });
    expect(rollout.reason).toMatchObject({ code: 'in_progress' });
    expect(rollout.reason?.message).toContain(message);
    expect(record.status).not.toBe('passed');
  });

  it('does not read pods of the previous revision before the controller observed the spec', async () => {
    const record = await collectOne(server, {
      [ROUTES.deployment]: {
        json: deploymentFixture({ generation: 8, status: { observedGeneration: 7 } }),
      },
    });
    for (const name of ['available_replicas', 'pod_restarts', 'image_digest']) {
      expect(factOf(record, name).status).toBe('pending');
    }
    expect(server.recorder.count(ROUTES.pods, API_SERVER)).toBe(0);
  });

  it('fails when the progress deadline was exceeded', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.deployment]: {
        json: deploymentFixture({
          conditions: DEADLINE_EXCEEDED_CONDITIONS,
          status: { updatedReplicas: 1, replicas: 4, availableReplicas: 3 },
        }),
      },
    });
    const rollout = factOf(record, 'rollout_status');
    expect(rollout).toMatchObject({ status: 'failed', value: 'Failed' });
    expect(rollout.reason?.code).toBe('provider_failed');
    expect(rollout.reason?.message).toContain('has timed out progressing');
    expect(record.status).toBe('failed');
  });

  it('treats a Deployment scaled to zero as no data, never as available', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.deployment]: {
        json: deploymentFixture({
          replicas: 0,
          status: { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 },
        }),
      },
      [ROUTES.pods]: { json: podListFixture([]) },
    });
    expect(factOf(record, 'available_replicas')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_data' },
    });
    expect(factOf(record, 'pod_restarts').status).toBe('unavailable');
  });
});

describe('collect: crashing pods', () => {
  it('fails pod_restarts on CrashLoopBackOff, naming the pod and the OOM kill', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: {
        json: podListFixture([
          podFixture('a'),
          podFixture('b', { statuses: [crashLoopingStatus] }),
        ]),
      },
    });
    const restarts = factOf(record, 'pod_restarts');
    expect(restarts).toMatchObject({ status: 'failed', value: '6 restarts' });
    expect(restarts.reason?.code).toBe('provider_failed');
    expect(restarts.reason?.message).toContain('CrashLoopBackOff');
    expect(restarts.reason?.message).toContain('OOMKilled');
    expect(restarts.reason?.message).toContain(`${CURRENT_HASH}-b/nginx`);
  });

  it('measures restarts against the threshold when nothing is crash-looping', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: {
        json: podListFixture([
          podFixture('a', { statuses: [containerStatus({ restartCount: 1 })] }),
        ]),
      },
    });
    expect(factOf(record, 'pod_restarts')).toMatchObject({
      status: 'failed',
      value: '1 restart',
      measurement: { value: 1, unit: 'count' },
      reason: { code: 'threshold_breached' },
    });
  });
});

describe('collect: errors', () => {
  it('makes every fact not_found when the Deployment does not exist', async () => {
    const record = await collectOne(server, {
      [ROUTES.deployment]: {
        status: 404,
        json: statusFixture(404, 'NotFound', 'deployments.apps "nginx-deployment" not found'),
      },
    });
    expect(record.status).toBe('unavailable');
    for (const fact of record.facts) {
      expect(fact.reason?.code).toBe('not_found');
      expect(fact.reason?.message).toContain('deployments.apps "nginx-deployment" not found');
    }
  });

  it('makes every fact forbidden when the Deployment may not be read', async () => {
    const record = await collectOne(server, {
      [ROUTES.deployment]: {
        status: 403,
        json: statusFixture(
          403,
          'Forbidden',
          'deployments.apps "nginx-deployment" is forbidden: User "system:serviceaccount:shop:evidence" cannot get resource "deployments" in API group "apps" in the namespace "shop"',
        ),
      },
    });
    expect(record.facts.every((fact) => fact.reason?.code === 'forbidden')).toBe(true);
    expect(factOf(record, 'rollout_status').reason?.message).toContain('cannot get resource');
  });

  it('keeps the Deployment facts when only pods are forbidden', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: { status: 403, json: statusFixture(403, 'Forbidden', 'pods is forbidden') },
    });
    expect(factOf(record, 'rollout_status').status).toBe('passed');
    expect(factOf(record, 'pod_restarts')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'forbidden' },
    });
    expect(factOf(record, 'image_digest').reason?.code).toBe('forbidden');
  });

  it('restarts a pod list once when the continue token expired', async () => {
    let listings = 0;
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: ({ request }) => {
        const token = new URL(request.url).searchParams.get('continue');
        if (token === null) {
          listings += 1;
          return { json: podListFixture([podFixture('a')], `chunk-2-of-listing-${listings}`) };
        }
        if (listings === 1) {
          return {
            status: 410,
            json: statusFixture(410, 'Expired', 'The provided continue parameter is too old'),
          };
        }
        return { json: podListFixture([podFixture('b')]) };
      },
    });
    expect(listings).toBe(2);
    expect(factOf(record, 'pod_restarts').status).toBe('passed');
  });

  it('gives up with a transient reason when the continue token expires twice', async () => {
    let listings = 0;
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.pods]: ({ request }) => {
        if (new URL(request.url).searchParams.get('continue') === null) {
          listings += 1;
          return { json: podListFixture([podFixture('a')], `chunk-2-of-listing-${listings}`) };
        }
        return {
          status: 410,
          json: statusFixture(410, 'Expired', 'The provided continue parameter is too old'),
        };
      },
    });
    expect(listings).toBe(2);
    expect(factOf(record, 'pod_restarts').reason).toMatchObject({ code: 'transient' });
    expect(factOf(record, 'pod_restarts').reason?.message).toContain('410 Gone');
  });

  it('refuses an answer that is not a Deployment as invalid_response', async () => {
    const record = await collectOne(server, {
      [ROUTES.deployment]: { json: { metadata: { name: 'x' }, spec: { replicas: 'three' } } },
    });
    expect(record.facts.every((fact) => fact.reason?.code === 'invalid_response')).toBe(true);
  });
});

describe('collect: scope', () => {
  it.each([
    { case: 'no namespace', target: { deployment: 'nginx-deployment' } },
    { case: 'every namespace', target: { namespace: '*', deployment: 'nginx-deployment' } },
  ])('refuses a cluster-wide target ($case) without calling the API', async ({ target }) => {
    const record = await collectOne(server, {}, { selector: target });
    expect(record.facts.length).toBeGreaterThan(0);
    for (const fact of record.facts) {
      expect(fact).toMatchObject({ status: 'unavailable', reason: { code: 'scope' } });
    }
    expect(server.recorder.requests).toHaveLength(0);
  });

  it('refuses names that are not Kubernetes names before any request', async () => {
    const record = await collectOne(
      server,
      {},
      { selector: { ...selector, deployment: '../secrets' } },
    );
    expect(record.facts.every((fact) => fact.reason?.code === 'config')).toBe(true);
    expect(server.recorder.requests).toHaveLength(0);
  });

  it('reports a missing container as a configuration problem of the digest facts only', async () => {
    const record = await collectOne(server, healthyRoutes(), {
      selector: { ...selector, container: 'sidecar' },
    });
    expect(factOf(record, 'image_digest').reason?.code).toBe('config');
    expect(factOf(record, 'pod_restarts').status).toBe('passed');
  });
});
