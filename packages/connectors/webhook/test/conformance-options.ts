import { defineConformanceOptions } from '@evidencekit/testing';
import { createWebhook, type WebhookConnector } from '../src/index';
import { ietfHealthPass } from './fixtures/health-bodies';

// A public IP literal: the health pull's destination policy vets it without DNS, so the suite's
// own runtime needs no resolver (the tests of named hosts give the runtime one).
const baseUrl = 'https://93.184.215.14';

// The suite drives `collectEvidence` and `checkConnector`, so it covers the health pull (the one
// part of this connector that calls a provider); ingestion and manual evidence have their own tests.
/** The shared conformance suite's configuration for this connector (also used by the bench's fault matrix). */
export const conformanceOptions = defineConformanceOptions<WebhookConnector>({
  name: 'webhook',
  createConnector: createWebhook,
  settings: (secretReference) => ({
    secret: secretReference,
    facts: {
      smoke_tests_failed: {
        pointer: '/tests/failed',
        unit: 'count',
        threshold: '== 0',
        action: 'Fix the failing smoke tests.',
      },
    },
    health: { url: `${baseUrl}/health`, statusPointer: '/status', token: secretReference },
  }),
  target: {
    scope: { workspaceId: 'workspace-acme', service: 'checkout-api', environment: 'production' },
    selector: { mode: 'health' },
  },
  baseUrl,
  routes: { 'GET /health': { json: ietfHealthPass } },
  // Latency is measured whatever the body says; the status word is what a bad body breaks.
  primaryRoutes: [
    {
      route: 'GET /health',
      facts: ['endpoint_status'],
      // Its list of checks is detail: an answer without them still carries the status word.
      noEmptyAnswer: 'a health check answers one object whose status is the answer',
    },
  ],
  expectations: {
    // endpoint_latency is the answering attempt's duration (retry waits excluded), so a run
    // that recovers from a 429 or a 503 burst reports the same facts as the happy path.
    facts: { endpoint_status: 'passed', endpoint_latency: 'passed' },
  },
});
