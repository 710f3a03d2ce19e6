import { defineConformanceOptions } from '@evidencekit/testing';
import { createKubernetes } from '../src/index';
import { API_SERVER, NAMESPACE, ROUTES } from './fixtures/cluster';
import { deploymentFixture } from './fixtures/deployment';
import { healthyPodList, podListFixture } from './fixtures/pods';
import { replicaSetListFixture } from './fixtures/replica-sets';
import { accessReview, leastPrivilegeRulesReview } from './fixtures/reviews';
import { scope, selector } from './helpers';

/** The shared conformance suite's configuration for this connector (also used by the bench's fault matrix). */
export const conformanceOptions = defineConformanceOptions({
  name: 'kubernetes',
  createConnector: createKubernetes,
  settings: (token) => ({
    auth: 'token' as const,
    server: API_SERVER,
    token,
    namespace: NAMESPACE,
  }),
  target: { scope, selector },
  baseUrl: API_SERVER,
  routes: {
    [ROUTES.deployment]: { json: deploymentFixture() },
    [ROUTES.replicaSets]: { json: replicaSetListFixture },
    [ROUTES.pods]: { json: healthyPodList },
    [ROUTES.rulesReview]: { status: 201, json: leastPrivilegeRulesReview },
    [ROUTES.accessReview]: { status: 201, json: accessReview(false) },
  },
  primaryRoutes: [
    ROUTES.deployment,
    {
      route: ROUTES.pods,
      emptyBody: podListFixture([]),
      facts: ['pod_restarts', 'image_digest'],
    },
  ],
  expectations: {
    facts: {
      rollout_status: 'passed',
      available_replicas: 'passed',
      pod_restarts: 'passed',
      image_digest: 'passed',
    },
  },
});
