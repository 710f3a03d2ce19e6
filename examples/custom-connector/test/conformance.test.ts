import { describeConnectorConformance } from '@evidencekit/testing/vitest';
import { createStatuspage } from '../src/index';
import {
  noIncidents,
  pageStatus,
  paymentsIncident,
  summary,
} from './fixtures/statuspage-responses';

const PAGE_URL = 'https://status.acme.example';

// The one-call suite: metadata, schemas, the happy path, every fault scenario on both
// endpoints, Retry-After, aborts, the connection check and the canary secret.
describeConnectorConformance({
  name: 'statuspage',
  createConnector: createStatuspage,
  settings: (token) => ({ pageUrl: PAGE_URL, token }),
  target: {
    scope: { workspaceId: 'acme', service: 'checkout-api', environment: 'production' },
    selector: { component: 'Checkout API' },
  },
  baseUrl: PAGE_URL,
  routes: {
    'GET /api/v2/summary.json': { json: summary },
    'GET /api/v2/incidents/unresolved.json': { json: paymentsIncident },
    'GET /api/v2/status.json': { json: pageStatus },
  },
  primaryRoutes: [
    {
      route: 'GET /api/v2/incidents/unresolved.json',
      emptyBody: noIncidents,
      facts: ['open_incidents'],
    },
    {
      route: 'GET /api/v2/summary.json',
      emptyBody: { ...summary, components: [] },
      facts: ['component_status'],
    },
  ],
  expectations: {
    facts: { open_incidents: 'passed', component_status: 'passed' },
    skipScenarios: { 'pagination-loop': 'the Statuspage public API does not paginate' },
  },
});
