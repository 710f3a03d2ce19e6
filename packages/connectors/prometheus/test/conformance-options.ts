import { defineConformanceOptions } from '@evidencekit/testing';
import { createPrometheus } from '../src/index';
import { buildInfo, emptyVector, instantVector } from './fixtures/query-responses';

const BASE_URL = 'https://prometheus.example.test';

// Every fact's query goes to the same `/api/v1/query` route with its own query text; the kit
// counts the runtime's retries per distinct request, so all five facts run through the suite.
/** The shared conformance suite's configuration for this connector (also used by the bench's fault matrix). */
export const conformanceOptions = defineConformanceOptions({
  name: 'prometheus',
  createConnector: createPrometheus,
  settings: (token) => ({ baseUrl: BASE_URL, auth: { type: 'bearer' as const, token } }),
  target: {
    scope: { workspaceId: 'acme', service: 'checkout-api', environment: 'production' },
    selector: {},
  },
  baseUrl: BASE_URL,
  routes: {
    'GET /api/v1/query': { json: instantVector('0.0042') },
    'GET /api/v1/status/buildinfo': { json: buildInfo },
  },
  primaryRoutes: [{ route: 'GET /api/v1/query', emptyBody: emptyVector }],
  expectations: {
    facts: { error_rate: 'passed' },
    skipScenarios: { 'pagination-loop': 'the Prometheus query API does not paginate' },
  },
});
