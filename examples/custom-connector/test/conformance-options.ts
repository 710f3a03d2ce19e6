import { defineConformanceOptions } from '@evidencekit/testing';
import { createStatuspage } from '../src/index';
import {
  noIncidents,
  pageStatus,
  paymentsIncident,
  summary,
} from './fixtures/statuspage-responses';

const PAGE_URL = 'https://status.acme.example';

/**
 * The conformance suite's options for this connector, in a module of their own so that other
 * tools (the repository's surface test) can read them.
 */
export const conformanceOptions = defineConformanceOptions({
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
