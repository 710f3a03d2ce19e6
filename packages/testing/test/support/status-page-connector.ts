import {
  type CollectResultV1,
  type ConnectorRuntime,
  configureConnector,
  defineConnector,
  type FactObservationV1,
  secretReferenceSchema,
} from '@evidencekit/core';
import { z } from 'zod';

/**
 * A small, realistic connector used to test the kit: a status-page API with a paginated list of
 * open incidents (`Link` headers) and a summary with an overall indicator. Shapes are trimmed
 * from the Atlassian Statuspage v2 API (`/api/v2/incidents/unresolved.json`, `summary.json`).
 */
export const incidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  impact: z.enum(['none', 'minor', 'major', 'critical']),
  started_at: z.string(),
});
const incidentsPageSchema = z.object({ incidents: z.array(incidentSchema) });
const summarySchema = z.object({
  page: z.object({ updated_at: z.string() }),
  status: z.object({ indicator: z.enum(['none', 'minor', 'major', 'critical']) }),
});

export const statusPageMetadata = {
  id: 'status-page',
  displayName: 'Status page',
  category: 'incidents',
  maturity: 'native-pull',
  credential: 'required',
  scope: {
    minimum: 'A read-only API key for one page',
    avoid: 'Organization-wide admin keys',
  },
  defaultMaxAgeSeconds: 300,
  facts: [
    {
      name: 'open_incidents',
      description: 'Unresolved incidents on the status page.',
      unit: 'count',
      defaultThreshold: '< 1',
      defaultAction: 'Resolve or acknowledge the open incidents before releasing.',
      // An empty list of open incidents honestly means none are open.
      whenEmpty: { status: 'passed', value: '0' },
    },
    {
      name: 'page_indicator',
      description: "The page's overall status indicator.",
      unit: 'word',
      defaultThreshold: '== none',
      defaultAction: 'Check the status page for degraded components.',
    },
  ],
} as const;

export const statusPageConfigSchema = z.strictObject({
  baseUrl: z.url(),
  apiKey: secretReferenceSchema(),
});

/** The collection logic shared by the good connector and its broken variants. */
export async function collectStatusPage(
  runtime: ConnectorRuntime,
  config: z.output<typeof statusPageConfigSchema>,
  page: string,
): Promise<CollectResultV1<'open_incidents' | 'page_indicator'>> {
  const client = runtime.http({
    baseUrl: config.baseUrl,
    auth: { type: 'header', name: 'Authorization', prefix: 'OAuth ', value: config.apiKey },
  });
  const incidents: z.output<typeof incidentSchema>[] = [];
  for await (const incident of client.paginate(
    {
      path: `/v1/pages/${encodeURIComponent(page)}/incidents`,
      query: { state: 'open' },
      schema: incidentsPageSchema,
    },
    { type: 'link' },
    (body) => body.incidents,
  )) {
    incidents.push(incident);
  }
  const summary = await client.getJson(
    `/v1/pages/${encodeURIComponent(page)}/summary`,
    summarySchema,
  );
  const facts: FactObservationV1<'open_incidents' | 'page_indicator'>[] = [
    incidents.length === 0
      ? { name: 'open_incidents', kind: 'empty' }
      : {
          name: 'open_incidents',
          kind: 'measured',
          value: incidents.length,
          unit: 'count',
          detail: incidents.map((incident) => incident.name).join(', '),
        },
    { name: 'page_indicator', kind: 'word', value: summary.status.indicator },
  ];
  return { observedAt: new Date(summary.page.updated_at), facts };
}

export const statusPageConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: statusPageMetadata,
  configSchema: statusPageConfigSchema,
  selectorSchema: z.strictObject({ page: z.string().min(1) }),
  async doCheck({ runtime, config }) {
    const client = runtime.http({
      baseUrl: config.baseUrl,
      auth: { type: 'header', name: 'Authorization', prefix: 'OAuth ', value: config.apiKey },
    });
    await client.getJson('/v1/me', z.object({ scopes: z.array(z.string()) }));
    return {
      ok: true,
      findings: [{ status: 'ok', code: 'reachable', message: 'the API key works' }],
    };
  },
  doCollect: ({ runtime, config, selector }) => collectStatusPage(runtime, config, selector.page),
});

/** What the provider package would export. */
export function createStatusPage(settings: z.input<typeof statusPageConfigSchema>) {
  return configureConnector(statusPageConnector, settings);
}

export const STATUS_PAGE_BASE_URL = 'https://status.example.test';
export const incidentsRoute = 'GET /v1/pages/:page/incidents';
export const summaryRoute = 'GET /v1/pages/:page/summary';

/** Trimmed realistic answers (Statuspage v2 docs: "List unresolved incidents", "Get summary"). */
export const statusPageRoutes = {
  [incidentsRoute]: {
    json: {
      incidents: [
        {
          id: 'p31zjtct2jer',
          name: 'Elevated API latency',
          impact: 'minor',
          started_at: '2025-01-15T11:40:00Z',
        },
      ],
    },
  },
  [summaryRoute]: {
    json: {
      page: { updated_at: '2025-01-15T11:58:00Z' },
      status: { indicator: 'none' },
    },
  },
  'GET /v1/me': { json: { scopes: ['page:read'] } },
};
