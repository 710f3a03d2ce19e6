import type { AnyConnectorV1, ConfiguredConnector } from '@evidencekit/core';
import type { ConnectorConformanceOptions } from '../../src/index';
import {
  createStatusPage,
  incidentsRoute,
  STATUS_PAGE_BASE_URL,
  statusPageRoutes,
  summaryRoute,
} from './status-page-connector';

/** The conformance configuration of the status-page connector, reused for broken variants. */
export function statusPageConformance(
  createConnector: (settings: {
    baseUrl: string;
    apiKey: string;
  }) => ConfiguredConnector<AnyConnectorV1> = createStatusPage,
): ConnectorConformanceOptions {
  return {
    name: 'status-page',
    createConnector,
    settings: (apiKey) => ({ baseUrl: STATUS_PAGE_BASE_URL, apiKey }),
    target: {
      scope: { workspaceId: 'acme', service: 'checkout', environment: 'production' },
      selector: { page: 'acme' },
    },
    baseUrl: STATUS_PAGE_BASE_URL,
    routes: statusPageRoutes,
    primaryRoutes: [
      {
        route: incidentsRoute,
        pagination: 'link',
        emptyBody: { incidents: [] },
        facts: ['open_incidents'],
      },
      { route: summaryRoute, facts: ['page_indicator'] },
    ],
    expectations: { facts: { open_incidents: 'failed', page_indicator: 'passed' } },
  };
}
