import {
  checkConnector,
  collectEvidence,
  type EvidenceRecord,
  type EvidenceScope,
} from '@evidencekit/core';
import {
  mockProviderRoutes,
  type ProviderMockServer,
  type ProviderRouteMap,
} from '@evidencekit/testing';
import { createKubernetes, type KubernetesSelector, type KubernetesSettings } from '../src/index';
import { API_SERVER, DEPLOYMENT, NAMESPACE, ROUTES } from './fixtures/cluster';
import { deploymentFixture } from './fixtures/deployment';
import { healthyPodList } from './fixtures/pods';
import { replicaSetListFixture } from './fixtures/replica-sets';

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
  server.use(...mockProviderRoutes(API_SERVER, routes));
  const records = await Array.fromAsync(
    collectEvidence({
      targets: [
        {
          connector: createKubernetes(options.settings ?? tokenSettings),
          scope: options.scope ?? scope,
          selector: options.selector ?? selector,
        },
      ],
      runtime: { cacheStore: false, retry: { maxRetries: 0 } },
    }),
  );
  const [record] = records;
  if (record === undefined) throw new Error('no record');
  return record;
}

/** Runs `checkConnector` against `routes`. */
export async function checkWith(
  server: ProviderMockServer,
  routes: ProviderRouteMap,
  settings: KubernetesSettings = tokenSettings,
) {
  server.use(...mockProviderRoutes(API_SERVER, routes));
  return checkConnector(createKubernetes(settings), {
    runtime: { cacheStore: false, retry: { maxRetries: 0 } },
  });
}

/** The fact named `name` of a record. */
export function factOf(record: EvidenceRecord, name: string) {
  const fact = record.facts.find((candidate) => candidate.name === name);
  if (fact === undefined) throw new Error(`no fact ${name} in ${JSON.stringify(record.facts)}`);
  return fact;
}
