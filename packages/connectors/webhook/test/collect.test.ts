import {
  checkConnector,
  collectEvidence,
  type EvidenceRecord,
  evidenceRecordSchema,
} from '@evidencekit/core';
import { createVirtualClock, mockProviderRoutes } from '@evidencekit/testing';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { describe, expect, it } from 'vitest';
import { createWebhook, type WebhookSelector, type WebhookSettings } from '../src/index';
import { ietfHealthPass, ietfHealthWarn, springBootHealthUp } from './fixtures/health-bodies';
import { HEALTH_TOKEN, NOW, resolverFrom, SIGNING_SECRET, scope, testRuntime } from './support';

const baseUrl = 'https://status.acme.example';
const resolveHost = resolverFrom({
  'status.acme.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.acme.example': ['93.184.215.14', '10.20.0.4'],
});
const server = useProviderMockServer();

const facts: WebhookSettings['facts'] = {
  security_review: {
    pointer: '/review/status',
    unit: 'word',
    threshold: '== approved',
    action: 'Get the security review signed off.',
  },
  open_blockers: {
    pointer: '/blockers',
    unit: 'count',
    threshold: '== 0',
    action: 'Resolve the open release blockers.',
  },
};

async function collect(
  settings: WebhookSettings,
  selector: WebhookSelector,
  runtime = testRuntime({}, { resolveHost }),
): Promise<EvidenceRecord> {
  const records = await Array.fromAsync(
    collectEvidence({
      targets: [{ connector: createWebhook(settings), scope, selector }],
      now: () => NOW,
      runtime,
    }),
  );
  const record = records[0];
  if (record === undefined) throw new Error('no record');
  expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
  return record;
}

const byName = (record: EvidenceRecord) => new Map(record.facts.map((fact) => [fact.name, fact]));
const manualBase = {
  reason: 'Pen test SEC-2291 signed off by the security team',
  actor: 'jane.doe@acme.example',
  expiresAt: '2026-05-10T00:00:00Z',
};

describe('manual evidence', () => {
  it('records operator facts, judged by their thresholds and flagged as manual', async () => {
    const record = await collect(
      { facts },
      {
        mode: 'manual',
        facts: [
          { name: 'security_review', value: 'approved', ...manualBase },
          { name: 'open_blockers', value: 2, ...manualBase, actor: 'release-bot' },
        ],
      },
    );
    const byFact = byName(record);
    expect(byFact.get('security_review')).toMatchObject({ status: 'passed', value: 'approved' });
    expect(byFact.get('open_blockers')).toMatchObject({
      status: 'failed',
      value: '2',
      reason: { code: 'threshold_breached' },
    });
    expect(record.warnings).toEqual([
      {
        code: 'manual_evidence',
        message: `security_review was recorded by hand by jane.doe@acme.example (${manualBase.reason}); it counts until 2026-05-10T00:00:00Z.`,
      },
      expect.objectContaining({
        code: 'manual_evidence',
        message: expect.stringContaining('release-bot'),
      }),
    ]);
    expect(record.providerMetadata?.webhook?.manual).toEqual([
      { fact: 'security_review', ...manualBase },
      { fact: 'open_blockers', ...manualBase, actor: 'release-bot' },
    ]);
  });

  it('makes expired manual evidence unavailable: stale', async () => {
    const record = await collect(
      { facts },
      {
        mode: 'manual',
        facts: [
          {
            name: 'security_review',
            value: 'approved',
            ...manualBase,
            expiresAt: '2026-05-03T09:29:59Z',
          },
        ],
      },
    );
    expect(record.facts[0]).toMatchObject({
      status: 'unavailable',
      reason: {
        code: 'stale',
        message:
          'manual evidence recorded by jane.doe@acme.example expired at 2026-05-03T09:29:59Z',
      },
    });
  });

  it('records a manual failure with reason manual', async () => {
    const record = await collect(
      { facts },
      {
        mode: 'manual',
        facts: [
          {
            name: 'security_review',
            status: 'failed',
            ...manualBase,
            reason: 'Critical finding SEC-2301 open',
          },
        ],
      },
    );
    expect(record.facts[0]).toMatchObject({
      status: 'failed',
      value: 'failed',
      reason: {
        code: 'manual',
        message: 'recorded as failed by jane.doe@acme.example: Critical finding SEC-2301 open',
      },
    });
  });

  it.each([
    ['reason', 'selector.facts[0].reason'],
    ['actor', 'selector.facts[0].actor'],
    ['expiresAt', 'selector.facts[0].expiresAt'],
  ])('refuses a manual fact without %s, naming %s', async (field, path) => {
    const { [field as keyof typeof manualBase]: _removed, ...rest } = manualBase;
    const record = await collect(
      { facts },
      { mode: 'manual', facts: [{ name: 'security_review', value: 'approved', ...rest } as never] },
    );
    expect(record.status).toBe('unavailable');
    expect(record.facts[0]?.reason?.code).toBe('config');
    expect(record.facts[0]?.reason?.message).toContain(path);
  });

  it.each([
    [
      { name: 'security_review', ...manualBase, expiresAt: 'next friday' },
      'selector.facts[0].expiresAt',
    ],
    [{ name: 'security_review', ...manualBase, reason: '   ' }, 'selector.facts[0].reason'],
    [{ name: 'security_review', ...manualBase }, 'selector.facts[0].value'],
    [
      { name: 'security_review', value: 'approved', status: 'passed', ...manualBase },
      'selector.facts[0].status',
    ],
    [{ name: 'open_blockers', value: 'none', ...manualBase }, 'selector.facts[0].value'],
    [{ name: 'pen_test', value: 'approved', ...manualBase }, 'selector.facts[0].name'],
  ])('refuses %j, naming the field', async (manual, path) => {
    const record = await collect({ facts }, { mode: 'manual', facts: [manual as never] });
    expect(record.facts.every((fact) => fact.reason?.code === 'config')).toBe(true);
    expect(record.facts[0]?.reason?.message).toContain(path);
  });
});

describe('health pull', () => {
  const health = { url: `${baseUrl}/actuator/health`, statusPointer: '/status' };

  it('reads the status word by pointer and the latency of the answering attempt', async () => {
    const clock = createVirtualClock({ maxWaitMs: 10_000 });
    server.use(
      ...mockProviderRoutes(baseUrl, {
        'GET /actuator/health': async ({ call }) => {
          // A failed attempt and the retry wait are not the endpoint's latency; the answering
          // attempt takes 60 ms of the runtime's time.
          await clock.sleep(call === 1 ? 900 : 60);
          return call === 1
            ? { status: 503, headers: { 'retry-after': '2' } }
            : { json: springBootHealthUp };
        },
      }),
    );
    const record = await collect(
      { health },
      { mode: 'health' },
      testRuntime({}, { clock, resolveHost }),
    );
    expect(clock.waits).toContain(2000);
    const byFact = byName(record);
    expect(byFact.get('endpoint_status')).toMatchObject({
      status: 'passed',
      value: 'UP',
      source: { url: `${baseUrl}/actuator/health` },
    });
    expect(byFact.get('endpoint_latency')).toMatchObject({
      status: 'passed',
      measurement: { value: 60, unit: 'ms' },
    });
    expect(record.providerMetadata?.webhook).toEqual({ httpStatus: 200 });
  });

  it('uses the HTTP status class when no pointer is set', async () => {
    server.use(...mockProviderRoutes(baseUrl, { 'GET /healthz': { text: 'OK' } }));
    const record = await collect({ health: { url: `${baseUrl}/healthz` } }, { mode: 'health' });
    expect(byName(record).get('endpoint_status')).toMatchObject({ status: 'passed', value: '2xx' });
  });

  it('fails a status word outside the threshold (IETF health draft "warn")', async () => {
    server.use(...mockProviderRoutes(baseUrl, { 'GET /health': { json: ietfHealthWarn } }));
    const record = await collect(
      { health: { url: `${baseUrl}/health`, statusPointer: '/status' } },
      { mode: 'health' },
    );
    expect(byName(record).get('endpoint_status')).toMatchObject({
      status: 'failed',
      value: 'warn',
      reason: { code: 'threshold_breached' },
    });
  });

  it('sends the token only to the endpoint and never reports it', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, {
        'GET /health': [{ status: 401, json: { message: 'bad token' } }],
      }),
    );
    const record = await collect(
      { health: { url: `${baseUrl}/health`, statusPointer: '/status', token: 'env:HEALTH_TOKEN' } },
      { mode: 'health' },
    );
    expect(server.recorder.requests[0]?.headers.authorization).toBe(`Bearer ${HEALTH_TOKEN}`);
    expect(byName(record).get('endpoint_status')?.reason?.code).toBe('auth');
    expect(JSON.stringify(record)).not.toContain(HEALTH_TOKEN);
  });

  it('reports an endpoint that stays 503 as unavailable: transient, never passed', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, { 'GET /health': { status: 503, json: { status: 'DOWN' } } }),
    );
    const record = await collect(
      { health: { url: `${baseUrl}/health`, statusPointer: '/status' } },
      { mode: 'health' },
    );
    expect(record.status).toBe('unavailable');
    expect(byName(record).get('endpoint_status')?.reason?.code).toBe('transient');
  });

  it.each([
    ['https://internal.acme.example/health', 'resolves to 10.20.0.4, a private address'],
    ['https://169.254.169.254/latest/meta-data/', 'cloud-metadata'],
    ['https://[::ffff:127.0.0.1]/health', 'loopback'],
    ['http://status.acme.example/health', 'use https'],
  ])('refuses %s before sending anything', async (url, message) => {
    const record = await collect({ health: { url } }, { mode: 'health' });
    expect(server.recorder.requests).toEqual([]);
    const status = byName(record).get('endpoint_status');
    expect(status?.reason?.code).toBe('config');
    expect(status?.reason?.message).toContain(message);
  });

  it('refuses a redirect to another origin, such as the metadata service', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, {
        'GET /health': {
          status: 302,
          headers: { location: 'http://169.254.169.254/latest/meta-data/iam/' },
        },
      }),
    );
    const record = await collect({ health: { url: `${baseUrl}/health` } }, { mode: 'health' });
    expect(byName(record).get('endpoint_status')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response', message: expect.stringContaining('another origin') },
    });
    expect(server.recorder.requests.map((request) => request.url.href)).toEqual([
      `${baseUrl}/health`,
    ]);
  });

  it('follows a redirect on the vetted origin', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, {
        'GET /health': { status: 301, headers: { location: '/v2/health' } },
        'GET /v2/health': { json: ietfHealthPass },
      }),
    );
    const record = await collect(
      { health: { url: `${baseUrl}/health`, statusPointer: '/status' } },
      { mode: 'health' },
    );
    expect(byName(record).get('endpoint_status')).toMatchObject({
      status: 'passed',
      value: 'pass',
    });
  });

  it('reaches a loopback endpoint over http only when both are allowed', async () => {
    server.use(
      ...mockProviderRoutes('http://127.0.0.1:8081', {
        'GET /health': { json: springBootHealthUp },
      }),
    );
    const url = 'http://127.0.0.1:8081/health';
    const allowed = await collect(
      {
        health: {
          url,
          statusPointer: '/status',
          allowInsecureHttp: true,
          allowAddressClasses: ['loopback'],
        },
      },
      { mode: 'health' },
    );
    expect(byName(allowed).get('endpoint_status')?.status).toBe('passed');
    const refused = await collect(
      { health: { url, statusPointer: '/status', allowInsecureHttp: true } },
      { mode: 'health' },
    );
    expect(byName(refused).get('endpoint_status')?.reason?.code).toBe('config');
  });

  // The deprecated option still reaches the destination policy (vetting and pinning), so a
  // host that has not moved to createRuntime({ resolveHost }) keeps its guard.
  it('resolves through createWebhook(settings, { resolveHost }) while it is deprecated', async () => {
    const records = await Array.fromAsync(
      collectEvidence({
        targets: [
          {
            connector: createWebhook(
              { health: { url: 'https://internal.acme.example/health' } },
              { resolveHost },
            ),
            scope,
            selector: { mode: 'health' },
          },
        ],
        now: () => NOW,
        runtime: testRuntime(),
      }),
    );
    expect(records[0]?.facts[0]?.reason).toMatchObject({
      code: 'config',
      message: expect.stringContaining('10.20.0.4'),
    });
  });

  it('asks for settings.health when a health target has none', async () => {
    const record = await collect({ facts }, { mode: 'health' });
    expect(record.facts[0]?.reason?.message).toContain('settings.health');
  });
});

describe('checkConnector', () => {
  const check = (settings: WebhookSettings) =>
    checkConnector(createWebhook(settings), {
      runtime: testRuntime({}, { resolveHost }),
      now: () => NOW,
    });

  it('confirms the secret and the health endpoint', async () => {
    server.use(...mockProviderRoutes(baseUrl, { 'GET /health': { json: ietfHealthPass } }));
    const result = await check({
      secret: 'env:WEBHOOK_SECRET',
      facts,
      health: { url: `${baseUrl}/health`, statusPointer: '/status' },
    });
    expect(result.ok).toBe(true);
    expect(result.findings.map((finding) => finding.code)).toEqual([
      'secret_resolves',
      'health_reachable',
    ]);
    expect(JSON.stringify(result)).not.toContain(SIGNING_SECRET);
  });

  it('warns about a short secret and allowed non-public destinations', async () => {
    server.use(
      ...mockProviderRoutes('https://10.0.0.8', { 'GET /health': { json: ietfHealthPass } }),
    );
    const result = await checkConnector(
      createWebhook({
        secret: 'env:SHORT_SECRET',
        health: { url: 'https://10.0.0.8/health', allowAddressClasses: ['private'] },
      }),
      { runtime: testRuntime({ SHORT_SECRET: 'tooshort' }), now: () => NOW },
    );
    expect(result.ok).toBe(true);
    expect(result.findings.map((finding) => finding.code)).toEqual([
      'secret_too_short',
      'health_reachable',
      'non_public_destination_allowed',
    ]);
    expect(JSON.stringify(result)).not.toContain('tooshort');
  });

  it('reports a refused destination as an error finding', async () => {
    const result = await check({ health: { url: 'https://internal.acme.example/health' } });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        status: 'error',
        code: 'config',
        message: expect.stringContaining('10.20.0.4'),
      }),
    ]);
  });

  // The scheme is judged as parsed, so capitals do not skip the warning.
  it.each(['http', 'HTTP', 'Http'])('warns about a token sent over plain %s://', async (scheme) => {
    server.use(
      ...mockProviderRoutes('http://127.0.0.1:8081', { 'GET /health': { json: ietfHealthPass } }),
    );
    const result = await check({
      health: {
        url: `${scheme}://127.0.0.1:8081/health`,
        token: 'env:HEALTH_TOKEN',
        allowInsecureHttp: true,
        allowAddressClasses: ['loopback'],
      },
    });
    expect(result.findings.map((finding) => finding.code)).toContain('credential_over_plain_http');
  });

  it('warns when facts are mapped but no secret is set', async () => {
    const result = await check({ facts });
    expect(result.findings).toEqual([
      expect.objectContaining({ status: 'warning', code: 'secret_missing' }),
    ]);
  });
});
