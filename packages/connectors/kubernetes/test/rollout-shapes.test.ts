import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_SERVER, ROUTES } from './fixtures/cluster';
import {
  DEADLINE_EXCEEDED_CONDITIONS,
  deploymentFixture,
  PAUSED_CONDITIONS,
  PROGRESSING_CONDITIONS,
  QUOTA_FAILURE_CONDITIONS,
  REPLICA_SET_CREATE_ERROR_CONDITIONS,
  UNAVAILABLE_CONDITIONS,
} from './fixtures/deployment';
import { crashLoopingStatus, podFixture, podListFixture } from './fixtures/pods';
import { replicaSetList } from './fixtures/replica-sets';
import { statusFixture } from './fixtures/reviews';
import { collectOne, factOf, healthyRoutes, TEST_TOKEN } from './helpers';

const server = useProviderMockServer();

beforeEach(() => {
  vi.stubEnv('K8S_TEST_TOKEN', TEST_TOKEN);
});

/** A Deployment of 3 replicas whose rollout moves from revision 3 to 4. */
function shape(options: {
  status?: Record<string, unknown>;
  conditions?: Array<Record<string, unknown> | undefined>;
  generation?: number;
  replicas?: number;
  paused?: boolean;
}) {
  const deployment = deploymentFixture({
    ...(options.generation === undefined ? {} : { generation: options.generation }),
    ...(options.replicas === undefined ? {} : { replicas: options.replicas }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.conditions === undefined
      ? {}
      : { conditions: options.conditions.filter((entry) => entry !== undefined) }),
  });
  return options.paused === true
    ? { ...deployment, spec: { ...deployment.spec, paused: true } }
    : deployment;
}

// The previous revision's 3 pods stay available while the new one's pod crash-loops.
const midRollout = { updatedReplicas: 1, replicas: 4, availableReplicas: 3, readyReplicas: 3 };

describe('collect: available_replicas and rollout_status over Deployment status shapes', () => {
  it.each([
    {
      case: 'mid-rollout, the new pod crash-looping',
      deployment: shape({ conditions: PROGRESSING_CONDITIONS, status: midRollout }),
      currentAvailable: 0,
      rollout: ['pending', undefined, '1 of 3 new replicas have been updated'],
      available: ['pending', undefined],
    },
    {
      case: 'paused mid-rollout',
      deployment: shape({ conditions: PAUSED_CONDITIONS, status: midRollout, paused: true }),
      currentAvailable: 0,
      rollout: ['pending', undefined, 'the Deployment is paused'],
      available: ['pending', undefined],
    },
    {
      case: 'a quota refuses the new pods (ReplicaFailure FailedCreate)',
      deployment: shape({ conditions: QUOTA_FAILURE_CONDITIONS, status: midRollout }),
      currentAvailable: 0,
      rollout: ['failed', 'Failed', 'ReplicaFailure=True (FailedCreate): Error creating: pods'],
      available: ['failed', '0/3 (0%)'],
    },
    {
      case: 'the progress deadline exceeded',
      deployment: shape({ conditions: DEADLINE_EXCEEDED_CONDITIONS, status: midRollout }),
      currentAvailable: 0,
      rollout: ['failed', 'Failed', 'Progressing=False (ProgressDeadlineExceeded)'],
      available: ['failed', '0/3 (0%)'],
    },
    {
      case: 'the new ReplicaSet cannot be created (ReplicaSetCreateError)',
      deployment: shape({ conditions: REPLICA_SET_CREATE_ERROR_CONDITIONS, status: midRollout }),
      currentAvailable: 0,
      rollout: ['failed', 'Failed', 'Progressing=False (ReplicaSetCreateError)'],
      available: ['failed', '0/3 (0%)'],
    },
    {
      case: 'a failed rollout whose new pods are partly available, old ones filling in',
      deployment: shape({
        conditions: DEADLINE_EXCEEDED_CONDITIONS,
        status: { updatedReplicas: 3, replicas: 4, availableReplicas: 3 },
      }),
      currentAvailable: 2,
      rollout: ['failed', 'Failed', 'ProgressDeadlineExceeded'],
      available: ['failed', '2/3 (66.7%)'],
    },
    {
      case: 'counts complete but Available=False',
      deployment: shape({ conditions: UNAVAILABLE_CONDITIONS }),
      currentAvailable: 3,
      rollout: ['pending', undefined, 'Available=False (MinimumReplicasUnavailable)'],
      available: ['pending', undefined],
    },
    {
      case: 'observedGeneration behind',
      deployment: shape({ generation: 8, status: { observedGeneration: 7 } }),
      currentAvailable: 3,
      rollout: ['pending', undefined, 'observe generation 8'],
      available: ['pending', undefined],
    },
    {
      case: 'scaled to 0',
      deployment: shape({
        replicas: 0,
        status: { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 },
      }),
      currentAvailable: 0,
      rollout: ['passed', 'Complete', undefined],
      available: ['unavailable', undefined],
    },
    {
      case: 'complete',
      deployment: shape({}),
      currentAvailable: 3,
      rollout: ['passed', 'Complete', undefined],
      available: ['passed', '3/3 (100%)'],
    },
  ])('$case', async ({ deployment, currentAvailable, rollout, available }) => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.deployment]: { json: deployment },
      [ROUTES.replicaSets]: { json: replicaSetList(currentAvailable) },
      [ROUTES.pods]: {
        json: podListFixture(
          currentAvailable === 0 ? [] : [podFixture('a'), podFixture('b'), podFixture('c')],
        ),
      },
    });

    const [rolloutStatus, rolloutValue, rolloutMessage] = rollout;
    const rolloutFact = factOf(record, 'rollout_status');
    expect(rolloutFact.status).toBe(rolloutStatus);
    if (rolloutValue !== undefined) expect(rolloutFact.value).toBe(rolloutValue);
    if (rolloutMessage !== undefined) expect(rolloutFact.reason?.message).toContain(rolloutMessage);

    const [availableStatus, availableValue] = available;
    const availability = factOf(record, 'available_replicas');
    expect(availability.status).toBe(availableStatus);
    if (availableValue !== undefined) expect(availability.value).toBe(availableValue);
    if (rolloutStatus !== 'passed') expect(availability.status).not.toBe('passed');
  });

  it('fails a policy without rollout_status mid-rollout through pod_restarts, never passes it', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.deployment]: {
        json: shape({ conditions: PROGRESSING_CONDITIONS, status: midRollout }),
      },
      [ROUTES.replicaSets]: { json: replicaSetList(0) },
      [ROUTES.pods]: {
        json: podListFixture([podFixture('new', { statuses: [crashLoopingStatus] })]),
      },
    });

    expect(factOf(record, 'available_replicas').status).toBe('pending');
    expect(factOf(record, 'pod_restarts')).toMatchObject({
      status: 'failed',
      reason: { code: 'provider_failed' },
    });
    expect(record.status).toBe('failed');
  });

  it('makes available_replicas unavailable after a failed rollout when the ReplicaSets cannot be read', async () => {
    const record = await collectOne(server, {
      ...healthyRoutes(),
      [ROUTES.deployment]: {
        json: shape({ conditions: DEADLINE_EXCEEDED_CONDITIONS, status: midRollout }),
      },
      [ROUTES.replicaSets]: {
        status: 403,
        json: statusFixture(403, 'Forbidden', 'replicasets.apps is forbidden'),
      },
    });

    expect(factOf(record, 'available_replicas')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'forbidden' },
    });
    expect(factOf(record, 'rollout_status').status).toBe('failed');
    expect(server.recorder.count(ROUTES.replicaSets, API_SERVER)).toBe(1);
  });
});
