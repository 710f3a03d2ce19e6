import { defineConnector, secretReferenceSchema } from '@evidencekit/core';
import { z } from 'zod';

// The provider's response, as this connector reads it: only the fields it uses.
const serviceHealthSchema = z.object({
  errorRatePercent: z.number(),
  p95LatencyMs: z.number(),
  rollout: z.string(),
  sampledAt: z.iso.datetime(),
});

/**
 * A small connector for a made-up "status API", declared in the host's own code: what a
 * platform team writes for an internal service before it becomes a published package.
 */
export const statusApiConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'status-api',
    displayName: 'Status API (example)',
    category: 'metrics',
    maturity: 'native-pull',
    credential: 'required',
    scope: { minimum: 'a read-only token for one service', avoid: 'admin tokens' },
    defaultMaxAgeSeconds: 300,
    facts: [
      {
        name: 'error_rate',
        description: 'Share of requests that failed over the last five minutes.',
        unit: '%',
        defaultThreshold: '< 1%',
        defaultAction: 'Look at the error dashboard and hold the release until the rate drops.',
      },
      {
        name: 'p95_latency',
        description: '95th percentile request latency.',
        unit: 'ms',
        defaultThreshold: '< 500ms',
        defaultAction: 'Find the slow endpoint before promoting.',
      },
      {
        name: 'rollout_status',
        description: 'State of the current rollout.',
        unit: 'word',
        defaultThreshold: '== Complete',
        defaultAction: 'Wait for the rollout to complete.',
      },
    ],
  },
  configSchema: z.object({ baseUrl: z.url(), token: secretReferenceSchema() }),
  selectorSchema: z.object({ service: z.string().min(1) }),
  async doCheck({ config, runtime }) {
    const client = runtime.http({
      baseUrl: config.baseUrl,
      auth: { type: 'bearer', token: config.token },
    });
    await client.request({ path: '/api/ping' });
    return { ok: true, findings: [] };
  },
  async doCollect({ config, selector, runtime }) {
    const client = runtime.http({
      baseUrl: config.baseUrl,
      auth: { type: 'bearer', token: config.token },
    });
    const path = `/api/services/${encodeURIComponent(selector.service)}/health`;
    const data = await client.getJson(path, serviceHealthSchema);
    const source = { url: `${config.baseUrl}${path}` };
    return {
      observedAt: new Date(data.sampledAt),
      facts: [
        { name: 'error_rate', kind: 'measured', value: data.errorRatePercent, unit: '%', source },
        { name: 'p95_latency', kind: 'measured', value: data.p95LatencyMs, unit: 'ms', source },
        data.rollout === 'Progressing'
          ? {
              name: 'rollout_status',
              kind: 'pending',
              reason: 'in_progress',
              message: 'the rollout is still progressing',
              source,
            }
          : { name: 'rollout_status', kind: 'word', value: data.rollout, source },
      ],
    };
  },
});
