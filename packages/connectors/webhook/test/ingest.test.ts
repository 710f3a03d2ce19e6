import { createHmac } from 'node:crypto';
import {
  type EvidenceRecord,
  evidenceRecordSchema,
  factCatalogOf,
  ingestEvidence,
} from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import {
  createWebhook,
  signWebhookPayload,
  type WebhookSettings,
  webhookConnector,
} from '../src/index';
import {
  deployVerificationPayload,
  failedDeployVerificationPayload,
} from './fixtures/deploy-verification-payload';
import { NOW, NOW_SECONDS, SIGNING_SECRET, scope, testRuntime } from './support';

const settings: WebhookSettings = {
  secret: 'env:WEBHOOK_SECRET',
  facts: {
    smoke_tests_failed: {
      pointer: '/tests/failed',
      unit: 'count',
      threshold: '== 0',
      action: 'Open the smoke test run and fix the failing tests before promoting.',
    },
    synthetic_p95_latency: {
      pointer: '/synthetics/p95_ms',
      unit: 'ms',
      threshold: '< 500ms',
      action: 'Find the slow endpoint in the synthetic check results.',
    },
    synthetic_error_ratio: {
      pointer: '/synthetics/error_ratio',
      unit: 'ratio',
      threshold: '< 1%',
      action: 'Look at the failing synthetic checks.',
    },
    verification_verdict: {
      pointer: '/verdict',
      unit: 'word',
      threshold: '== passed',
      action: 'Read the verification report.',
    },
    owning_team: {
      pointer: '/labels/team~1owner',
      unit: 'word',
      threshold: 'in [payments, checkout]',
      action: 'Route the release to its owning team.',
    },
  },
};

function signed(
  body: string,
  options: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
): { rawBody: string; headers: Record<string, string> } {
  const timestamp = options.timestamp ?? NOW_SECONDS - 20;
  return {
    rawBody: body,
    headers: {
      'content-type': 'application/json',
      'x-evidencekit-timestamp': String(timestamp),
      'x-evidencekit-signature': signWebhookPayload(
        body,
        options.secret ?? SIGNING_SECRET,
        timestamp,
      ),
      ...options.headers,
    },
  };
}

async function ingest(payload: unknown, webhookSettings: WebhookSettings = settings) {
  const record = await ingestEvidence(createWebhook(webhookSettings), {
    scope,
    payload,
    now: () => NOW,
    runtime: testRuntime(),
  });
  expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
  return record;
}

const byName = (record: EvidenceRecord) => new Map(record.facts.map((fact) => [fact.name, fact]));
const body = JSON.stringify(deployVerificationPayload);

describe('signWebhookPayload', () => {
  it('is sha256= and the HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', 'secret').update('1700000000.{"a":1}').digest('hex');
    expect(signWebhookPayload('{"a":1}', 'secret', 1_700_000_000)).toBe(`sha256=${expected}`);
    expect(signWebhookPayload('{"a":1}', 'secret', new Date(1_700_000_000_999))).toBe(
      `sha256=${expected}`,
    );
  });

  it.each([1.5, -1, Number.NaN])('refuses the timestamp %s', (timestamp) => {
    expect(() => signWebhookPayload('{}', 'secret', timestamp)).toThrow(TypeError);
  });
});

describe('ingesting a signed payload', () => {
  it('maps every fact by JSON Pointer, with its unit and threshold', async () => {
    const record = await ingest(signed(body));
    expect(record.status).toBe('passed');
    expect(record.facts.map((fact) => fact.name)).toEqual(Object.keys(settings.facts ?? {}));
    const facts = byName(record);
    expect(facts.get('smoke_tests_failed')).toMatchObject({
      status: 'passed',
      value: '0',
      threshold: '== 0',
      measurement: { value: 0, unit: 'count' },
      source: { query: 'JSON Pointer /tests/failed in the signed payload' },
    });
    expect(facts.get('synthetic_p95_latency')).toMatchObject({
      status: 'passed',
      value: '182.5ms',
      measurement: { value: 182.5, unit: 'ms' },
    });
    expect(facts.get('synthetic_error_ratio')).toMatchObject({ status: 'passed' });
    expect(facts.get('verification_verdict')).toMatchObject({ status: 'passed', value: 'passed' });
    expect(facts.get('owning_team')).toMatchObject({ status: 'passed', value: 'payments' });
    // The signed time is the data time.
    expect(record.freshness.observedAt).toBe(new Date((NOW_SECONDS - 20) * 1000).toISOString());
  });

  it('fails facts whose values break their thresholds', async () => {
    const record = await ingest(signed(JSON.stringify(failedDeployVerificationPayload)));
    expect(record.status).toBe('failed');
    const facts = byName(record);
    expect(facts.get('smoke_tests_failed')).toMatchObject({
      status: 'failed',
      value: '3',
      reason: { code: 'threshold_breached', message: '3 does not meet == 0' },
      action: 'Open the smoke test run and fix the failing tests before promoting.',
    });
    expect(facts.get('synthetic_p95_latency')?.reason?.code).toBe('threshold_breached');
    expect(facts.get('synthetic_error_ratio')?.reason?.code).toBe('threshold_breached');
    expect(facts.get('verification_verdict')).toMatchObject({ status: 'failed', value: 'failed' });
  });

  it('honours a threshold override from the caller', async () => {
    const record = await ingestEvidence(createWebhook(settings), {
      scope,
      payload: signed(body),
      thresholds: { synthetic_p95_latency: '< 100ms' },
      now: () => NOW,
      runtime: testRuntime(),
    });
    expect(byName(record).get('synthetic_p95_latency')).toMatchObject({
      status: 'failed',
      threshold: '< 100ms',
    });
  });

  it('reports a pointer with nothing behind it as unavailable: no_data', async () => {
    const { tests: _tests, ...withoutTests } = deployVerificationPayload;
    const record = await ingest(signed(JSON.stringify({ ...withoutTests, verdict: null })));
    const facts = byName(record);
    expect(facts.get('smoke_tests_failed')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_data', message: expect.stringContaining('nothing at /tests/failed') },
    });
    expect(facts.get('verification_verdict')?.reason?.code).toBe('no_data');
    expect(record.status).toBe('unavailable');
  });

  it('never coerces a value of the wrong type', async () => {
    const drifted = {
      ...deployVerificationPayload,
      tests: { failed: '0' },
      verdict: { value: 'passed' },
    };
    const facts = byName(await ingest(signed(JSON.stringify(drifted))));
    expect(facts.get('smoke_tests_failed')).toMatchObject({
      status: 'unavailable',
      reason: {
        code: 'invalid_response',
        message: 'expected a number (in count) at /tests/failed, found a string',
      },
    });
    expect(facts.get('verification_verdict')?.reason?.message).toContain('found an object');
  });

  it('accepts a timestamp exactly at the tolerance, and header names in any case', async () => {
    const payload = signed(body, { timestamp: NOW_SECONDS - 300 });
    const headers = {
      'X-EvidenceKit-Timestamp': payload.headers['x-evidencekit-timestamp'],
      'X-EvidenceKit-Signature': payload.headers['x-evidencekit-signature'],
    };
    expect((await ingest({ rawBody: body, headers })).status).toBe('passed');
  });

  it('uses the configured header names and tolerance', async () => {
    const custom: WebhookSettings = {
      ...settings,
      signatureHeader: 'x-acme-signature',
      timestampHeader: 'x-acme-timestamp',
      toleranceSeconds: 30,
    };
    const timestamp = NOW_SECONDS - 20;
    const headers = {
      'x-acme-timestamp': String(timestamp),
      'x-acme-signature': signWebhookPayload(body, SIGNING_SECRET, timestamp),
    };
    expect((await ingest({ rawBody: body, headers }, custom)).status).toBe('passed');
    const late = NOW_SECONDS - 31;
    const stale = {
      'x-acme-timestamp': String(late),
      'x-acme-signature': signWebhookPayload(body, SIGNING_SECRET, late),
    };
    const record = await ingest({ rawBody: body, headers: stale }, custom);
    expect(record.facts[0]?.reason?.message).toContain('more than the 30 s tolerance');
  });
});

describe('refusing payloads that do not verify', () => {
  const valid = signed(body);
  const without = (name: string) => {
    const { [name]: _removed, ...rest } = valid.headers;
    return { rawBody: body, headers: rest };
  };
  it.each([
    [
      'a missing signature',
      without('x-evidencekit-signature'),
      'the x-evidencekit-signature header is missing',
    ],
    [
      'a missing timestamp',
      without('x-evidencekit-timestamp'),
      'the x-evidencekit-timestamp header is missing',
    ],
    [
      'a malformed signature',
      signed(body, { headers: { 'x-evidencekit-signature': 'sha1=abc' } }),
      'is not "sha256=" followed by 64 hex digits',
    ],
    [
      'a signature with another secret',
      signed(body, { secret: 'another-secret-of-the-same-size-0123456789' }),
      'the signature does not match',
    ],
    [
      'a body changed after signing',
      { ...valid, rawBody: body.replace('"failed":0', '"failed":9') },
      'the signature does not match',
    ],
    [
      'a body re-serialized with other whitespace',
      { ...valid, rawBody: JSON.stringify(deployVerificationPayload, null, 2) },
      'the signature does not match',
    ],
    [
      'a timestamp changed after signing',
      {
        ...valid,
        headers: { ...valid.headers, 'x-evidencekit-timestamp': String(NOW_SECONDS - 19) },
      },
      'the signature does not match',
    ],
    [
      'a replay older than the tolerance',
      signed(body, { timestamp: NOW_SECONDS - 301 }),
      'signed 301 s ago, more than the 300 s tolerance',
    ],
    [
      'a timestamp in the future',
      signed(body, { timestamp: NOW_SECONDS + 301 }),
      'dated 301 s in the future',
    ],
    [
      'a timestamp in milliseconds',
      { ...valid, headers: { ...valid.headers, 'x-evidencekit-timestamp': String(NOW.getTime()) } },
      'it looks like milliseconds',
    ],
  ])('refuses %s as unavailable: auth', async (_case, payload, message) => {
    const record = await ingest(payload);
    expect(record.status).toBe('unavailable');
    expect(record.facts).toHaveLength(Object.keys(settings.facts ?? {}).length);
    for (const fact of record.facts) {
      expect(fact).toMatchObject({ status: 'unavailable', reason: { code: 'auth' } });
      expect(fact.reason?.message).toContain(message);
    }
    const text = JSON.stringify(record);
    expect(text).not.toContain(SIGNING_SECRET);
    // Neither the expected signature for this body nor its hex appears anywhere.
    const expectedHex = signWebhookPayload(payload.rawBody, SIGNING_SECRET, NOW_SECONDS - 20).slice(
      7,
    );
    expect(text).not.toContain(expectedHex);
  });

  it('reads nothing from a payload that is not { rawBody, headers }', async () => {
    const record = await ingest(deployVerificationPayload);
    expect(record.facts[0]).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response', message: expect.stringContaining('{ rawBody: string') },
    });
  });

  it('reports a signed body that is not JSON as invalid_response', async () => {
    const record = await ingest(signed('tests.failed=0'));
    expect(record.facts[0]?.reason).toEqual({
      code: 'invalid_response',
      message: 'the signed body is not valid JSON',
    });
  });
});

describe('webhook configuration', () => {
  it('never ingests without a secret, naming settings.secret', async () => {
    const { secret: _secret, ...unsigned } = settings;
    const record = await ingest(signed(body), unsigned);
    expect(record.facts[0]?.reason).toMatchObject({
      code: 'config',
      message: expect.stringContaining('settings.secret'),
    });
  });

  it('reports a secret reference that does not resolve as config, naming the reference', async () => {
    const record = await ingest(signed(body), {
      ...settings,
      secret: 'env:MISSING_WEBHOOK_SECRET',
    });
    expect(record.facts[0]?.reason).toMatchObject({
      code: 'config',
      message: expect.stringContaining('MISSING_WEBHOOK_SECRET'),
    });
  });

  it.each([
    [{ pointer: 'tests/failed' }, 'settings.facts.bad.pointer', 'JSON Pointer (RFC 6901)'],
    [{ threshold: '< 1 %x' }, 'settings.facts.bad.threshold', 'Invalid threshold'],
    [{ threshold: '== passed' }, 'settings.facts.bad.threshold', 'numeric threshold'],
    [{ unit: 'parsecs' }, 'settings.facts.bad.unit', 'one of'],
  ])('names the bad field of a fact mapping (%j)', async (override, path, expected) => {
    const bad: WebhookSettings = {
      secret: 'env:WEBHOOK_SECRET',
      facts: {
        bad: {
          pointer: '/tests/failed',
          unit: 'count',
          threshold: '== 0',
          action: 'Fix it.',
          ...override,
        } as NonNullable<WebhookSettings['facts']>[string],
      },
    };
    const record = await ingest(signed(body), bad);
    expect(record.facts[0]?.reason?.code).toBe('config');
    expect(record.facts[0]?.reason?.message).toContain(path);
    expect(record.facts[0]?.reason?.message).toContain(expected);
  });

  it('refuses mapped facts that reuse a health fact name', async () => {
    const clash: WebhookSettings = {
      secret: 'env:WEBHOOK_SECRET',
      facts: {
        endpoint_status: {
          pointer: '/verdict',
          unit: 'word',
          threshold: '== ok',
          action: 'Fix it.',
        },
      },
    };
    const record = await ingest(signed(body), clash);
    expect(record.facts[0]?.reason?.message).toContain('settings.facts');
  });

  it('has one definition: the static catalog is the health facts, factsFor adds the mapped ones', () => {
    expect(createWebhook(settings).connector).toBe(webhookConnector);
    expect(webhookConnector.metadata.facts.map((fact) => fact.name)).toEqual([
      'endpoint_status',
      'endpoint_latency',
    ]);
    expect(factCatalogOf(createWebhook(settings)).map((fact) => fact.name)).toEqual([
      ...Object.keys(settings.facts ?? {}),
      'endpoint_status',
      'endpoint_latency',
    ]);
  });
});
