import {
  checkConnector,
  createRuntime,
  type EvidenceRecord,
  evaluateGate,
  type Fact,
  parseGatePolicy,
} from '@evidencekit/core';
import {
  collectOne,
  createVirtualClock,
  type MockReply,
  mockProviderRoutes,
} from '@evidencekit/testing';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createStatuspage,
  type StatuspageSelector,
  type StatuspageSettings,
  statuspageConnector,
} from '../src/index';
import {
  noIncidents,
  pageStatus,
  pageWideAndPaymentsIncidents,
  paymentsIncident,
  summary,
  summaryWithDuplicateNames,
} from './fixtures/statuspage-responses';

const PAGE_URL = 'https://status.acme.example';
const SECRET = 'gw-token-3b7e19d4c2a8f605';
const SUMMARY = 'GET /api/v2/summary.json';
const INCIDENTS = 'GET /api/v2/incidents/unresolved.json';

const server = useProviderMockServer();

beforeEach(() => {
  vi.stubEnv('STATUSPAGE_TEST_TOKEN', SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function answer(replies: { summary?: MockReply; incidents?: MockReply } = {}): void {
  server.use(
    ...mockProviderRoutes(PAGE_URL, {
      [SUMMARY]: replies.summary ?? { json: summary },
      [INCIDENTS]: replies.incidents ?? { json: noIncidents },
      'GET /api/v2/status.json': { json: pageStatus },
    }),
  );
}

function testRuntime() {
  const clock = createVirtualClock({ maxWaitMs: 10_000 });
  const runtime = createRuntime({
    clock,
    cacheStore: false,
    retry: { maxRetries: 2, maxRetryAfterMs: 10_000, baseDelayMs: 100, random: () => 0.5 },
  });
  return { clock, runtime };
}

async function collect(
  selector: StatuspageSelector = { component: 'Checkout API' },
  settings: StatuspageSettings = { pageUrl: PAGE_URL },
): Promise<EvidenceRecord> {
  const { clock, runtime } = testRuntime();
  try {
    return await collectOne(
      createStatuspage(settings),
      {
        scope: { workspaceId: 'acme', service: 'checkout-api', environment: 'production' },
        selector,
      },
      { runtime, now: () => new Date(clock.now()) },
    );
  } finally {
    await runtime.close();
  }
}

function fact(record: EvidenceRecord, name: string): Fact {
  const found = record.facts.find((item) => item.name === name);
  if (found === undefined) throw new Error(`no fact ${name}`);
  return found;
}

describe('collection', () => {
  it('passes an operational component with no open incidents', async () => {
    answer();
    const record = await collect();

    expect(record.status).toBe('passed');
    expect(fact(record, 'open_incidents')).toMatchObject({
      status: 'passed',
      value: '0',
      threshold: '== 0',
    });
    expect(fact(record, 'component_status')).toMatchObject({
      status: 'passed',
      value: 'operational',
      source: { url: `${PAGE_URL}/api/v2/summary.json` },
    });
    expect(record.providerMetadata).toEqual({ statuspage: { component: 'Checkout API' } });
  });

  it('fails on an incident affecting the component, naming it and linking to it', async () => {
    answer({ incidents: { json: paymentsIncident } });
    const record = await collect({ component: 'payments api' });

    const incidents = fact(record, 'open_incidents');
    expect(incidents).toMatchObject({ status: 'failed', value: '1' });
    expect(incidents.reason?.code).toBe('threshold_breached');
    expect(incidents.reason?.message).toContain('Elevated payment failures (major, identified)');
    expect(incidents.source?.link).toBe('https://stspg.io/p1kz8w0q');
    expect(fact(record, 'component_status')).toMatchObject({
      status: 'failed',
      value: 'degraded_performance',
    });
  });

  it.each([
    ['an incident on another component only', paymentsIncident, 'Checkout API', '0', 'passed'],
    [
      'a page-wide incident (no components)',
      pageWideAndPaymentsIncidents,
      'Checkout API',
      '1',
      'failed',
    ],
    [
      'both, for the affected component',
      pageWideAndPaymentsIncidents,
      '0l2p9nhqnxpd',
      '2',
      'failed',
    ],
  ] as const)('counts %s', async (_label, body, component, value, status) => {
    answer({ incidents: { json: body } });
    const record = await collect({ component });

    expect(fact(record, 'open_incidents')).toMatchObject({ status, value });
  });

  it('fails a component under maintenance: only operational passes', async () => {
    answer();
    const record = await collect({ component: 'Webhooks' });

    expect(fact(record, 'component_status')).toMatchObject({
      status: 'failed',
      value: 'under_maintenance',
    });
  });

  it('never reads a component the page does not have as operational', async () => {
    answer();
    const record = await collect({ component: 'Search' });

    const status = fact(record, 'component_status');
    expect(status.status).toBe('unavailable');
    expect(status.reason?.code).toBe('no_data');
    expect(status.reason?.message).toContain('Checkout API, Payments API, Webhooks');
  });

  it('refuses a name two components share, asking for an id', async () => {
    answer({ summary: { json: summaryWithDuplicateNames } });
    const byName = await collect({ component: 'API' });
    const byId = await collect({ component: 'm8d2c4b6n1zt' });

    expect(fact(byName, 'component_status').reason).toMatchObject({ code: 'config' });
    expect(fact(byName, 'component_status').reason?.message).toContain('k3v9r1x7p2qa');
    expect(fact(byId, 'component_status')).toMatchObject({
      status: 'failed',
      value: 'major_outage',
    });
  });

  it('keeps one failing endpoint to its own fact', async () => {
    answer({ incidents: { status: 404, text: 'Not Found' } });
    const record = await collect();

    expect(fact(record, 'open_incidents').reason?.code).toBe('not_found');
    expect(fact(record, 'component_status').status).toBe('passed');
    expect(record.status).toBe('unavailable');
  });

  it('turns a changed response shape into invalid_response, never a pass', async () => {
    answer({
      summary: { json: { page: summary.page, components: [{ id: 'x', name: 'Checkout API' }] } },
    });
    const record = await collect();

    expect(fact(record, 'component_status').reason?.code).toBe('invalid_response');
  });

  it('sends the token as a bearer header and leaks it nowhere', async () => {
    answer({ incidents: { status: 401, json: { error: 'unauthorized' } } });
    const record = await collect(
      { component: 'Checkout API' },
      { pageUrl: PAGE_URL, token: 'env:STATUSPAGE_TEST_TOKEN' },
    );

    expect(server.recorder.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(fact(record, 'open_incidents').reason?.code).toBe('auth');
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('refuses a selector with an unknown field instead of ignoring it', async () => {
    answer();
    const record = await collect({
      component: 'Checkout API',
      page: 'other',
    } as StatuspageSelector);

    expect(record.facts.every((item) => item.reason?.code === 'config')).toBe(true);
    expect(server.recorder.requests).toHaveLength(0);
  });
});

describe('connection check', () => {
  it('names the page, and warns about a token over plain http', async () => {
    const plain = 'http://status.internal.example';
    server.use(...mockProviderRoutes(plain, { 'GET /api/v2/status.json': { json: pageStatus } }));
    const result = await checkConnector(
      createStatuspage({ pageUrl: plain, token: 'env:STATUSPAGE_TEST_TOKEN' }),
      { runtime: testRuntime().runtime },
    );

    expect(result.ok).toBe(true);
    expect(result.findings.map((finding) => [finding.status, finding.code])).toEqual([
      ['warning', 'credential_over_plain_http'],
      ['ok', 'connected'],
    ]);
    expect(result.findings[1]?.message).toContain('"Acme"');
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('reports a rejected request as an error finding', async () => {
    server.use(
      ...mockProviderRoutes(PAGE_URL, { 'GET /api/v2/status.json': { status: 403, text: '' } }),
    );
    const result = await checkConnector(createStatuspage({ pageUrl: PAGE_URL }), {
      runtime: testRuntime().runtime,
    });

    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ status: 'error', code: 'forbidden' }),
    );
  });
});

describe('metadata and gate', () => {
  it('declares an incidents connector whose empty incident list passes with 0', () => {
    expect(statuspageConnector.metadata).toMatchObject({
      id: 'statuspage',
      category: 'incidents',
      credential: 'optional',
      package: { name: '@acme/evidencekit-statuspage' },
    });
    const openIncidents = statuspageConnector.metadata.facts.find(
      (item) => item.name === 'open_incidents',
    );
    expect(openIncidents?.whenEmpty).toEqual({ status: 'passed', value: '0' });
  });

  it('feeds a gate: an open incident blocks the release with its action', async () => {
    answer({ incidents: { json: pageWideAndPaymentsIncidents } });
    const record = await collect();
    const policy = parseGatePolicy({
      environments: {
        production: { required: [{ connector: 'statuspage', fact: 'open_incidents' }] },
      },
    });
    const decision = evaluateGate([record], policy, new Date(record.freshness.observedAt));

    expect(decision.decision).toBe('fail');
    expect(decision.blocking[0]?.action).toContain('open incidents');
  });
});
