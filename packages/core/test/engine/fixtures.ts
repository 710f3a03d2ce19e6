import { z } from 'zod';
import { configureConnector } from '../../src/contract/configured-connector';
import type { CollectOptionsV1, CollectResultV1 } from '../../src/contract/v1/connector-v1';
import { defineConnector } from '../../src/contract/v1/define-connector';
import type { EvidenceScope } from '../../src/evidence/evidence-schema';
import { createRuntime, type Runtime } from '../../src/runtime/create-runtime';

export const scope = (service: string, environment = 'production'): EvidenceScope => ({
  workspaceId: 'workspace-acme',
  service,
  environment,
});

type Behaviour = (
  options: CollectOptionsV1<{ baseUrl: string }, { service: string }>,
) => Promise<CollectResultV1<'error_rate' | 'rollout_status' | 'open_incidents'>>;

/** A connector whose `doCollect` does whatever the test says. */
export function scriptedConnector(behaviour: Behaviour) {
  const connector = defineConnector({
    specificationVersion: 'v1',
    metadata: {
      id: 'scripted',
      displayName: 'Scripted',
      category: 'custom',
      maturity: 'native-pull',
      credential: 'none',
      scope: { minimum: 'one service', avoid: 'nothing' },
      defaultMaxAgeSeconds: 300,
      facts: [
        {
          name: 'error_rate',
          description: 'share of failed requests',
          unit: '%',
          defaultThreshold: '< 1%',
          defaultAction: 'Investigate the error spike before releasing.',
        },
        {
          name: 'rollout_status',
          description: 'rollout state',
          unit: 'word',
          defaultThreshold: '== Complete',
          defaultAction: 'Wait for the rollout to complete.',
        },
        {
          name: 'open_incidents',
          description: 'open incidents',
          unit: 'count',
          defaultThreshold: '== 0',
          defaultAction: 'Resolve open incidents first.',
          whenEmpty: { status: 'passed', value: '0' },
        },
      ],
    },
    configSchema: z.object({ baseUrl: z.url() }),
    selectorSchema: z.object({ service: z.string().min(1) }),
    async doCheck() {
      return { ok: true, findings: [] };
    },
    doCollect: behaviour,
  });
  return configureConnector(connector, { baseUrl: 'https://metrics.example.test' });
}

/** A real runtime; these connectors make no requests, so it needs no dispatcher. */
export function testRuntimeHost(): Runtime {
  return createRuntime();
}
