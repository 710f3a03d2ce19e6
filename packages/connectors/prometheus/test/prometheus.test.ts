import {
  checkConnector,
  createRuntime,
  type EvidenceRecord,
  type EvidenceScope,
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
  createPrometheus,
  type PrometheusSelector,
  type PrometheusSettings,
  prometheusConnector,
} from '../src/index';
import { PROMETHEUS_FACT_NAMES, type PrometheusFactName } from '../src/prometheus-facts';
import {
  badDataError,
  buildInfo,
  EVALUATION_TIME_SECONDS,
  emptyVector,
  executionError,
  instantVector,
  nativeHistogramVector,
  rangeMatrix,
  scalarResult,
  stringResult,
  timeoutError,
  twoSeriesVector,
  unavailableError,
  vectorWithNotes,
} from './fixtures/query-responses';

const BASE_URL = 'https://prometheus.example.test';
const SECRET = 's3cr3t-prometheus-token-5f2a9c';
const SCOPE: EvidenceScope = {
  workspaceId: 'acme',
  service: 'checkout-api',
  environment: 'production',
};

const server = useProviderMockServer();

beforeEach(() => {
  vi.stubEnv('PROMETHEUS_TEST_SECRET', SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

// A fragment only each default template contains, to answer each fact's query separately.
const QUERY_MARKERS: Record<PrometheusFactName, string> = {
  error_rate: 'code=~"5.."',
  p95_latency: 'histogram_quantile(',
  saturation: 'container_cpu_usage_seconds_total',
  request_volume: 'increase(',
  last_sample_age: 'timestamp(',
};

const HAPPY_REPLIES: Record<PrometheusFactName, MockReply> = {
  error_rate: { json: instantVector('0.0042') },
  p95_latency: { json: instantVector('0.212') },
  saturation: { json: instantVector('0.55') },
  request_volume: { json: instantVector('1234') },
  last_sample_age: { json: instantVector(String(EVALUATION_TIME_SECONDS - 15)) },
};

function factOfQuery(query: string): PrometheusFactName | undefined {
  return PROMETHEUS_FACT_NAMES.find((name) => query.includes(QUERY_MARKERS[name]));
}

/** Answers both query endpoints per fact: `replies` first, the happy path otherwise. */
function answerFacts(replies: Partial<Record<PrometheusFactName, MockReply>> = {}): void {
  const reply = ({ request }: { request: Request }): MockReply => {
    const query = new URL(request.url).searchParams.get('query') ?? '';
    const fact = factOfQuery(query);
    if (fact === undefined) return { status: 400, json: badDataError };
    return replies[fact] ?? HAPPY_REPLIES[fact];
  };
  server.use(
    ...mockProviderRoutes(BASE_URL, {
      'GET /api/v1/query': reply,
      'GET /api/v1/query_range': reply,
      'GET /api/v1/status/buildinfo': { json: buildInfo },
    }),
  );
}

function testRuntime() {
  const clock = createVirtualClock({ maxWaitMs: 10_000 });
  const runtime = createRuntime({
    clock,
    cacheStore: false,
    timeoutMs: 20_000,
    retry: { maxRetries: 3, maxRetryAfterMs: 10_000, baseDelayMs: 500, random: () => 0.5 },
  });
  return { clock, runtime };
}

async function collect(
  selector: PrometheusSelector = {},
  settings: PrometheusSettings = { baseUrl: BASE_URL },
  scope: EvidenceScope = SCOPE,
): Promise<EvidenceRecord> {
  const { clock, runtime } = testRuntime();
  try {
    return await collectOne(
      createPrometheus(settings),
      { scope, selector },
      { runtime, now: () => new Date(clock.now()) },
    );
  } finally {
    await runtime.close();
  }
}

async function check(settings: PrometheusSettings = { baseUrl: BASE_URL }) {
  const { clock, runtime } = testRuntime();
  try {
    return await checkConnector(createPrometheus(settings), {
      runtime,
      now: () => new Date(clock.now()),
    });
  } finally {
    await runtime.close();
  }
}

function fact(record: EvidenceRecord, name: PrometheusFactName): Fact {
  const found = record.facts.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no fact ${name} in the record`);
  return found;
}

function queriesSent(path = '/api/v1/query'): URLSearchParams[] {
  return server.recorder.requests
    .filter((request) => request.url.pathname === path)
    .map((request) => request.url.searchParams);
}

describe('instant queries', () => {
  it('reports every fact in its threshold unit, with sources and the sample time', async () => {
    answerFacts();
    const record = await collect();

    expect(record.status).toBe('passed');
    expect(
      record.facts.map((item) => [item.name, item.status, item.value, item.measurement]),
    ).toEqual([
      ['error_rate', 'passed', '0.42%', { value: 0.42, unit: '%' }],
      ['p95_latency', 'passed', '212ms', { value: 212, unit: 'ms' }],
      ['saturation', 'passed', '55%', { value: 55, unit: '%' }],
      ['request_volume', 'passed', '1234', { value: 1234, unit: 'count' }],
      ['last_sample_age', 'passed', '15s', { value: 15, unit: 's' }],
    ]);
    expect(record.freshness.observedAt).toBe(
      new Date(EVALUATION_TIME_SECONDS * 1000).toISOString(),
    );
    expect(fact(record, 'error_rate').source).toEqual({
      url: `${BASE_URL}/api/v1/query`,
      query: expect.stringMatching(
        /^error_rate: \(sum\(rate\(http_requests_total\{service="checkout-api",environment="production",code=~"5\.\."\}/,
      ),
      link: expect.stringMatching(new RegExp(`^${BASE_URL}/graph\\?g0\\.expr=`)),
    });
  });

  it('evaluates every query at the collection time, one request per fact', async () => {
    answerFacts();
    await collect();

    const sent = queriesSent();
    expect(sent).toHaveLength(PROMETHEUS_FACT_NAMES.length);
    for (const parameters of sent) {
      expect(parameters.get('time')).toBe(EVALUATION_TIME_SECONDS.toFixed(3));
    }
  });

  it('reads a scalar result', async () => {
    answerFacts({ saturation: { json: scalarResult('0.25') } });
    const record = await collect({ facts: ['saturation'] });

    expect(record.facts).toHaveLength(1);
    expect(fact(record, 'saturation')).toMatchObject({ status: 'passed', value: '25%' });
  });

  it('lets the threshold fail a measured value', async () => {
    answerFacts({ error_rate: { json: instantVector('0.031') } });
    const record = await collect({ facts: ['error_rate'] });

    expect(fact(record, 'error_rate')).toMatchObject({
      status: 'failed',
      value: '3.1%',
      reason: { code: 'threshold_breached' },
    });
  });
});

describe('range queries', () => {
  it('reduces a one-series matrix to the worst point and dates it by the last point', async () => {
    answerFacts({
      error_rate: { json: rangeMatrix(['0.001', '0.02', '0.004']) },
      request_volume: { json: rangeMatrix(['900', '12', '1000']) },
    });
    const record = await collect({
      facts: ['error_rate', 'request_volume'],
      range: { windowSeconds: 1800, stepSeconds: 60 },
    });

    expect(fact(record, 'error_rate')).toMatchObject({ status: 'failed', value: '2%' });
    expect(fact(record, 'request_volume')).toMatchObject({ status: 'passed', value: '12' });
    expect(record.freshness.observedAt).toBe(
      new Date(EVALUATION_TIME_SECONDS * 1000).toISOString(),
    );
    expect(fact(record, 'error_rate').source?.url).toBe(`${BASE_URL}/api/v1/query_range`);

    const [parameters] = queriesSent('/api/v1/query_range');
    expect(parameters?.get('start')).toBe((EVALUATION_TIME_SECONDS - 1800).toFixed(3));
    expect(parameters?.get('end')).toBe(EVALUATION_TIME_SECONDS.toFixed(3));
    expect(parameters?.get('step')).toBe('60');
    expect(queriesSent('/api/v1/query')).toHaveLength(0);
  });

  it.each([
    ['max', '30%'],
    ['min', '10%'],
    ['avg', '20%'],
    ['last', '20%'],
  ] as const)('applies the %s reduction the selector asks for', async (reduction, value) => {
    answerFacts({ saturation: { json: rangeMatrix(['0.1', '0.3', '0.2']) } });
    const record = await collect({
      facts: ['saturation'],
      range: { windowSeconds: 180, stepSeconds: 60, reduction },
    });

    expect(fact(record, 'saturation').value).toBe(value);
  });

  it('refuses a window with a NaN point instead of reducing around it', async () => {
    answerFacts({ error_rate: { json: rangeMatrix(['0.001', 'NaN', '0.002']) } });
    const record = await collect({
      facts: ['error_rate'],
      range: { windowSeconds: 180, stepSeconds: 60 },
    });

    expect(fact(record, 'error_rate')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response', message: expect.stringContaining('returned NaN') },
    });
  });

  it('refuses a range of more points than Prometheus answers', async () => {
    answerFacts();
    const record = await collect({ range: { windowSeconds: 86_400 * 30, stepSeconds: 1 } });

    expect(record.facts.every((item) => item.reason?.code === 'config')).toBe(true);
    expect(server.recorder.requests).toHaveLength(0);
  });
});

describe('results that are not one number', () => {
  it('treats an empty vector with the fact’s empty rule: unavailable, no_data', async () => {
    answerFacts(
      Object.fromEntries(PROMETHEUS_FACT_NAMES.map((name) => [name, { json: emptyVector }])),
    );
    const record = await collect();

    expect(record.status).toBe('unavailable');
    for (const item of record.facts) {
      expect(item).toMatchObject({ status: 'unavailable', reason: { code: 'no_data' } });
    }
  });

  it.each([
    ['NaN', 'returned NaN'],
    ['+Inf', 'returned +Inf'],
    ['-Inf', 'returned -Inf'],
    ['', 'is not a number'],
    ['0x1F', 'is not a number'],
  ])('never passes a sample value of %j', async (value, message) => {
    answerFacts({ error_rate: { json: instantVector(value) } });
    const record = await collect({ facts: ['error_rate'] });

    expect(fact(record, 'error_rate')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response', message: expect.stringContaining(message) },
    });
    expect(record.status).toBe('unavailable');
  });

  it('refuses several series for a single-value fact, naming how many', async () => {
    answerFacts({ p95_latency: { json: twoSeriesVector } });
    const record = await collect({ facts: ['p95_latency'] });

    expect(fact(record, 'p95_latency')).toMatchObject({
      status: 'unavailable',
      reason: {
        code: 'invalid_response',
        message: expect.stringContaining('returned 2 series ({__name__="up",job="prometheus"'),
      },
    });
  });

  it.each([
    ['a string', stringResult, 'returned a string'],
    ['a native histogram', nativeHistogramVector, 'native histogram'],
  ])('refuses %s', async (_label, body, message) => {
    answerFacts({ request_volume: { json: body } });
    const record = await collect({ facts: ['request_volume'] });

    expect(fact(record, 'request_volume')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response', message: expect.stringContaining(message) },
    });
  });

  it('refuses a last sample dated beyond the allowed clock skew, and clamps one within it', async () => {
    answerFacts({
      last_sample_age: { json: instantVector(String(EVALUATION_TIME_SECONDS + 600)) },
    });
    const future = await collect({ facts: ['last_sample_age'] });
    expect(fact(future, 'last_sample_age')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response', message: expect.stringContaining('600 s after') },
    });

    answerFacts({ last_sample_age: { json: instantVector(String(EVALUATION_TIME_SECONDS + 5)) } });
    const skewed = await collect({ facts: ['last_sample_age'] });
    expect(fact(skewed, 'last_sample_age')).toMatchObject({ status: 'passed', value: '0s' });
  });

  it('fails a stale last sample against its threshold', async () => {
    answerFacts({
      last_sample_age: { json: instantVector(String(EVALUATION_TIME_SECONDS - 290)) },
    });
    const record = await collect({ facts: ['last_sample_age'] });

    expect(fact(record, 'last_sample_age')).toMatchObject({ status: 'failed', value: '290s' });
  });
});

describe('Prometheus error bodies', () => {
  it.each([
    ['400 bad_data', 400, badDataError, 'config', 1],
    ['422 execution', 422, executionError, 'transient', 1],
    ['503 timeout', 503, timeoutError, 'timeout', 4],
    ['503 unavailable', 503, unavailableError, 'transient', 4],
    ['200 with status "error"', 200, badDataError, 'config', 1],
    [
      '200 with status "error" and an unknown errorType',
      200,
      { status: 'error', errorType: 'novel', error: 'x' },
      'invalid_response',
      1,
    ],
  ] as const)('maps %s to %s', async (_label, status, body, reason, requests) => {
    answerFacts({ error_rate: { status, json: body } });
    const record = await collect({ facts: ['error_rate'] });

    const item = fact(record, 'error_rate');
    expect(item).toMatchObject({ status: 'unavailable', reason: { code: reason } });
    expect(item.reason?.message).toContain('query "error_rate"');
    expect(item.reason?.message).toContain(body.error);
    expect(item.source?.query).toMatch(/^error_rate: /);
    // The runtime alone retries (a 503 three more times); the connector never does.
    expect(queriesSent()).toHaveLength(requests);
  });

  it('keeps the status reason for a proxy error without a Prometheus body', async () => {
    answerFacts({ error_rate: { status: 401, json: { message: 'Unauthorized' } } });
    const record = await collect({ facts: ['error_rate'] });

    expect(fact(record, 'error_rate').reason?.code).toBe('auth');
  });

  it('spoils only the fact whose query failed', async () => {
    answerFacts({ p95_latency: { status: 400, json: badDataError } });
    const record = await collect();

    expect(fact(record, 'p95_latency').reason?.code).toBe('config');
    expect(record.facts.filter((item) => item.status === 'passed')).toHaveLength(4);
    expect(record.status).toBe('unavailable');
  });

  it('surfaces the warnings and infos of an answer as record warnings', async () => {
    answerFacts({ error_rate: { json: vectorWithNotes } });
    const record = await collect({ facts: ['error_rate'] });

    expect(fact(record, 'error_rate').status).toBe('passed');
    expect(record.warnings).toEqual([
      {
        code: 'prometheus_warning',
        message: 'error_rate: remote read of store-eu-1 failed: partial response',
      },
      {
        code: 'prometheus_info',
        message:
          'error_rate: PromQL info: metric might not be a counter, name does not end in _total',
      },
    ]);
  });
});

describe('allowlisted queries only', () => {
  it('keeps a hostile service name inside its label value', async () => {
    answerFacts();
    const hostile = 'api"} or vector(1) or up{job="x\\';
    await collect(
      { facts: ['request_volume'] },
      { baseUrl: BASE_URL },
      { ...SCOPE, service: hostile },
    );

    const [parameters] = queriesSent();
    expect(parameters?.get('query')).toBe(
      'sum(increase(http_requests_total{service="api\\"} or vector(1) or up{job=\\"x\\\\",environment="production"}[5m]))',
    );
  });

  it('escapes selector variables, in regular expressions too', async () => {
    answerFacts({ error_rate: { json: instantVector('0.001') } });
    await collect(
      {
        facts: ['error_rate'],
        queries: { error_rate: 'route_errors' },
        variables: { route: '/cart.(v2)' },
      },
      {
        baseUrl: BASE_URL,
        queries: {
          route_errors: {
            language: 'promql',
            template:
              'sum(rate(http_requests_total{service="{{service}}",code=~"5..",route=~"{{route}}"}[5m])) / sum(rate(http_requests_total{service="{{service}}",route=~"{{route}}"}[5m]))',
          },
        },
      },
    );

    expect(queriesSent()[0]?.get('query')).toContain('route=~"/cart\\\\.\\\\(v2\\\\)"');
  });

  it('lets settings replace a default query by its fact name', async () => {
    answerFacts({ error_rate: { json: instantVector('0.5') } });
    await collect(
      { facts: ['error_rate'] },
      {
        baseUrl: BASE_URL,
        queries: {
          error_rate: {
            language: 'promql',
            template: 'sum(rate(errors_total{job="{{service}}",code=~"5.."}[1m]))',
          },
        },
      },
    );

    expect(queriesSent()[0]?.get('query')).toBe(
      'sum(rate(errors_total{job="checkout-api",code=~"5.."}[1m]))',
    );
  });

  it('makes an unknown query name unavailable: config for that fact only', async () => {
    answerFacts();
    const record = await collect({
      facts: ['error_rate', 'saturation'],
      queries: { error_rate: 'does_not_exist' },
    });

    expect(fact(record, 'error_rate')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'config', message: expect.stringContaining('does_not_exist') },
    });
    expect(fact(record, 'saturation').status).toBe('passed');
  });

  it.each([
    ['raw PromQL', { query: 'up' }],
    ['a scope variable', { variables: { service: 'payments' } }],
    ['a fact twice', { facts: ['error_rate', 'error_rate'] }],
  ])('refuses a selector carrying %s before any request', async (_label, selector) => {
    answerFacts();
    const record = await collect(selector as PrometheusSelector);

    expect(record.facts.every((item) => item.reason?.code === 'config')).toBe(true);
    expect(server.recorder.requests).toHaveLength(0);
  });

  it.each([
    [
      'a template in another language',
      { q: { language: 'logql', template: '{app="{{service}}"}' } },
    ],
    [
      'a placeholder outside quotes',
      { q: { language: 'promql', template: 'up{job={{service}}}' } },
    ],
  ])('refuses settings with %s', async (_label, queries) => {
    answerFacts();
    const record = await collect({}, { baseUrl: BASE_URL, queries } as PrometheusSettings);

    expect(record.facts.every((item) => item.reason?.code === 'config')).toBe(true);
    expect(server.recorder.requests).toHaveLength(0);
  });
});

describe('authentication', () => {
  it.each([
    ['no credential', undefined, undefined],
    ['a bearer token', { type: 'bearer', token: 'env:PROMETHEUS_TEST_SECRET' }, `Bearer ${SECRET}`],
    [
      'basic auth',
      { type: 'basic', username: '123456', password: 'env:PROMETHEUS_TEST_SECRET' },
      `Basic ${Buffer.from(`123456:${SECRET}`).toString('base64')}`,
    ],
  ] as const)('sends %s', async (_label, auth, header) => {
    answerFacts();
    const record = await collect(
      { facts: ['error_rate'] },
      {
        baseUrl: BASE_URL,
        ...(auth === undefined ? {} : { auth }),
      },
    );

    expect(fact(record, 'error_rate').status).toBe('passed');
    expect(server.recorder.requests[0]?.headers.authorization).toBe(header);
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('keeps the secret out of evidence when the credential is rejected', async () => {
    answerFacts({ error_rate: { status: 401, json: { message: `bad token ${SECRET}` } } });
    const record = await collect(
      { facts: ['error_rate'] },
      {
        baseUrl: BASE_URL,
        auth: { type: 'bearer', token: 'env:PROMETHEUS_TEST_SECRET' },
      },
    );

    expect(fact(record, 'error_rate').reason?.code).toBe('auth');
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('refuses an inline secret in settings', async () => {
    answerFacts();
    const record = await collect(
      {},
      {
        baseUrl: BASE_URL,
        auth: { type: 'bearer', token: SECRET },
      },
    );

    expect(record.facts.every((item) => item.reason?.code === 'config')).toBe(true);
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('sends the tenant to multi-tenant backends', async () => {
    answerFacts();
    await collect({ facts: ['error_rate'] }, { baseUrl: BASE_URL, tenantId: 'team-checkout' });

    expect(server.recorder.requests[0]?.headers['x-scope-orgid']).toBe('team-checkout');
  });
});

describe('connection check', () => {
  it('reports the version and a working query endpoint', async () => {
    answerFacts();
    server.use(
      ...mockProviderRoutes(BASE_URL, { 'GET /api/v1/query': { json: scalarResult('1') } }),
    );
    const result = await check();

    expect(result.ok).toBe(true);
    expect(result.findings.map((finding) => [finding.status, finding.code])).toEqual([
      ['ok', 'queries_valid'],
      ['ok', 'connected'],
      ['ok', 'query_allowed'],
    ]);
    expect(result.findings[1]?.message).toContain('2.53.1');
    expect(queriesSent()[0]?.get('query')).toBe('vector(1)');
  });

  it('warns about a credential sent over plain http', async () => {
    const plain = 'http://prometheus.internal:9090';
    server.use(
      ...mockProviderRoutes(plain, {
        'GET /api/v1/status/buildinfo': { json: buildInfo },
        'GET /api/v1/query': { json: scalarResult('1') },
      }),
    );
    const result = await check({
      baseUrl: plain,
      auth: { type: 'basic', username: 'gate', password: 'env:PROMETHEUS_TEST_SECRET' },
    });

    expect(result.ok).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ status: 'warning', code: 'credential_over_plain_http' }),
    );
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('accepts a backend without build info when the query endpoint works', async () => {
    server.use(
      ...mockProviderRoutes(BASE_URL, {
        'GET /api/v1/status/buildinfo': { status: 404, text: '404 page not found' },
        'GET /api/v1/query': { json: scalarResult('1') },
      }),
    );
    const result = await check();

    expect(result.ok).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ status: 'warning', code: 'build_info_unavailable' }),
    );
  });

  it.each([
    ['a rejected credential', { status: 401, json: { message: 'Unauthorized' } }, 'auth'],
    ['an error body with HTTP 200', { json: badDataError }, 'config'],
  ] as const)('reports %s on the probe query as an error finding', async (_label, reply, code) => {
    server.use(
      ...mockProviderRoutes(BASE_URL, {
        'GET /api/v1/status/buildinfo': { json: buildInfo },
        'GET /api/v1/query': reply,
      }),
    );
    const result = await check();

    expect(result.ok).toBe(false);
    expect(result.findings.at(-1)).toMatchObject({ status: 'error', code });
  });

  it('stops at a rejected build info request', async () => {
    server.use(
      ...mockProviderRoutes(BASE_URL, {
        'GET /api/v1/status/buildinfo': { status: 403, json: { message: 'Forbidden' } },
      }),
    );
    const result = await check();

    expect(result.ok).toBe(false);
    expect(result.findings.at(-1)).toMatchObject({ status: 'error', code: 'forbidden' });
    expect(queriesSent()).toHaveLength(0);
  });
});

describe('metadata and gate', () => {
  it('declares the catalog with the default empty rule for every fact', () => {
    const { metadata } = prometheusConnector;
    expect(metadata).toMatchObject({
      id: 'prometheus',
      category: 'metrics',
      maturity: 'native-pull',
      credential: 'optional',
      package: { name: '@evidencekit/prometheus' },
    });
    expect(metadata.facts.map((item) => item.name)).toEqual([...PROMETHEUS_FACT_NAMES]);
    expect(metadata.facts.every((item) => !('whenEmpty' in item))).toBe(true);
  });

  it('feeds a gate: a policy override blocks an error rate the default passes', async () => {
    answerFacts({ error_rate: { json: instantVector('0.008') } });
    const record = await collect({ facts: ['error_rate'] });
    const policy = parseGatePolicy({
      environments: {
        production: {
          required: [{ connector: 'prometheus', fact: 'error_rate', threshold: '< 0.5%' }],
        },
      },
    });

    expect(fact(record, 'error_rate').status).toBe('passed');
    const decision = evaluateGate(
      [record],
      policy,
      new Date(EVALUATION_TIME_SECONDS * 1000 + 30_000),
    );
    expect(decision.decision).toBe('fail');
  });
});
