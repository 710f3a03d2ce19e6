import { checkConnector, type EvidenceRecord, type EvidenceScope } from '@evidencekit/core';
import {
  collectOne as collectOneTarget,
  mockProviderRoutes,
  type ProviderMockServer,
  type ProviderRouteMap,
} from '@evidencekit/testing';
import { createKubernetes, type KubernetesSelector, type KubernetesSettings } from '../src/index';
import { API_SERVER, DEPLOYMENT, NAMESPACE, ROUTES } from './fixtures/cluster';
import { deploymentFixture } from './fixtures/deployment';
import { healthyPodList } from './fixtures/pods';
import { replicaSetListFixture } from './fixtures/replica-sets';

/** The runtime of the tests: no cache, no retries (fault retries are the conformance suite's). */
export const KUBERNETES_TEST_RUNTIME = { cacheStore: false, retry: { maxRetries: 0 } } as const;

/** The token the tests put in `K8S_TEST_TOKEN`. */
export const TEST_TOKEN = 'k8s-test-token-4f9c2e7a1b3d';

export const tokenSettings: KubernetesSettings = {
  auth: 'token',
  server: API_SERVER,
  token: 'env:K8S_TEST_TOKEN',
  namespace: NAMESPACE,
};

export const scope: EvidenceScope = {
  workspaceId: 'acme',
  service: 'storefront',
  environment: 'production',
};

export const selector: KubernetesSelector = { namespace: NAMESPACE, deployment: DEPLOYMENT };

/** The happy path: a complete rollout with three healthy pods. */
export function healthyRoutes(): Record<string, ProviderRouteMap[string]> {
  return {
    [ROUTES.deployment]: { json: deploymentFixture() },
    [ROUTES.replicaSets]: { json: replicaSetListFixture },
    [ROUTES.pods]: { json: healthyPodList },
  };
}

/** Collects one target against `routes` and returns its record. */
export async function collectOne(
  server: ProviderMockServer,
  routes: ProviderRouteMap,
  options: {
    selector?: KubernetesSelector;
    scope?: EvidenceScope;
    settings?: KubernetesSettings;
  } = {},
): Promise<EvidenceRecord> {
  return collectOneTarget(
    createKubernetes(options.settings ?? tokenSettings),
    { scope: options.scope ?? scope, selector: options.selector ?? selector },
    { mock: { server, baseUrl: API_SERVER, routes }, runtime: KUBERNETES_TEST_RUNTIME },
  );
}

/** Runs `checkConnector` against `routes`. */
export async function checkWith(
  server: ProviderMockServer,
  routes: ProviderRouteMap,
  settings: KubernetesSettings = tokenSettings,
) {
  server.use(...mockProviderRoutes(API_SERVER, routes));
  return checkConnector(createKubernetes(settings), { runtime: KUBERNETES_TEST_RUNTIME });
}

/** The fact named `name` of a record. */
export function factOf(record: EvidenceRecord, name: string) {
  const fact = record.facts.find((candidate) => candidate.name === name);
  if (fact === undefined) throw new Error(`no fact ${name} in ${JSON.stringify(record.facts)}`);
  return fact;
}
