import { type EvidenceRecord, evidenceRecordSchema, type GateDecision } from '@evidencekit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startExampleHost } from '../src/start-example-host';

type Example = Awaited<ReturnType<typeof startExampleHost>>;

let example: Example | undefined;
const outputs: string[] = [];

afterEach(async () => {
  await example?.close();
  example = undefined;
  // Whatever a test read from the host, the Prometheus token is never in it.
  for (const output of outputs.splice(0)) expect(output).not.toContain('example-prometheus-token');
});

async function start(options: Parameters<typeof startExampleHost>[0] = {}): Promise<Example> {
  example = await startExampleHost(options);
  return example;
}

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  if (example === undefined) throw new Error('start the host first');
  const response = await fetch(`${example.url}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  outputs.push(text, JSON.stringify([...response.headers]));
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

async function collectRecords(service: string, environment = 'production') {
  const response = await call('/v1/evidence/collect', { body: { service, environment } });
  expect(response.status).toBe(200);
  return (response.json() as { records: EvidenceRecord[] }).records;
}

describe('GET /healthz', () => {
  it('answers ok', async () => {
    await start();
    const response = await call('/healthz', { method: 'GET' });

    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /v1/evidence/collect', () => {
  it('collects the catalog targets of a service through the real Prometheus connector', async () => {
    await start();
    const records = await collectRecords('checkout-api');

    expect(records).toHaveLength(1);
    const [record] = records;
    expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
    expect(record?.scope).toEqual({
      workspaceId: 'acme',
      service: 'checkout-api',
      environment: 'production',
    });
    expect(record?.facts.map((fact) => [fact.name, fact.status])).toEqual([
      ['error_rate', 'passed'],
      ['p95_latency', 'passed'],
      ['request_volume', 'passed'],
    ]);
  });

  it('streams records as NDJSON when asked', async () => {
    await start();
    const response = await call('/v1/evidence/collect', {
      body: { service: 'payments-api', environment: 'staging' },
      headers: { accept: 'application/x-ndjson' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = response.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const record = evidenceRecordSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(record.status).toBe('failed');
  });

  it('scopes records to the release the caller names', async () => {
    await start();
    const release = { version: '2.14.0', artifactDigest: `sha256:${'ab'.repeat(32)}` };
    const response = await call('/v1/evidence/collect', {
      body: { service: 'checkout-api', environment: 'production', release },
    });

    const { records } = response.json() as { records: EvidenceRecord[] };
    expect(records[0]?.scope.release).toEqual(release);
  });

  it.each([
    [
      { service: 'checkout-api', environment: 'production', baseUrl: 'http://169.254.169.254' },
      'baseUrl',
      'provider URLs are configured on the server',
    ],
    [
      { service: 'checkout-api', environment: 'production', settings: {} },
      'settings',
      'connector settings',
    ],
    [{ service: 'checkout-api', environment: 'production', targets: [] }, 'targets', 'catalog'],
    [{ service: 'checkout-api' }, 'environment', 'expected string'],
    [
      { service: 'checkout-api', environment: 'production', release: { commit: 'not-a-sha' } },
      'release.commit',
      'hexadecimal',
    ],
  ])('refuses %j, naming the field', async (body, field, words) => {
    await start();
    const response = await call('/v1/evidence/collect', { body });

    expect(response.status).toBe(400);
    const { error } = response.json() as { error: { field: string; message: string } };
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).toContain(words);
    expect(example?.prometheus.queries()).toBe(0);
  });

  it('answers 404 for a service or environment outside the catalog', async () => {
    await start();
    const response = await call('/v1/evidence/collect', {
      body: { service: 'checkout-api', environment: 'qa' },
    });

    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'unknown_target' } });
  });
});

describe('POST /v1/gate', () => {
  it('decides with the server policy: pass for a healthy service, fail with actions otherwise', async () => {
    await start();
    const healthy = await call('/v1/gate', {
      body: { records: await collectRecords('checkout-api') },
    });
    const unhealthy = await call('/v1/gate', {
      body: { records: await collectRecords('payments-api') },
    });

    expect((healthy.json() as { decision: GateDecision }).decision.decision).toBe('pass');
    const { decision } = unhealthy.json() as { decision: GateDecision };
    expect(decision.decision).toBe('fail');
    expect(decision.blocking.map((finding) => finding.fact)).toEqual(
      expect.arrayContaining(['error_rate', 'p95_latency']),
    );
    expect(decision.blocking.every((finding) => finding.action !== undefined)).toBe(true);
  });

  it('refuses a policy from the caller', async () => {
    await start();
    const records = await collectRecords('payments-api');
    const response = await call('/v1/gate', {
      body: { records, policy: { environments: { production: { required: [] } } } },
    });

    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'unknown_field', field: 'policy' } });
  });

  it('names the field of a malformed record', async () => {
    await start();
    const [record] = await collectRecords('checkout-api');
    const response = await call('/v1/gate', {
      body: { records: [{ ...record, facts: [{ name: 'error_rate', status: 'great' }] }] },
    });

    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: 'records[0].facts[0].status' } });
  });
});

describe('protocol', () => {
  it.each([
    [
      'a body over the cap',
      { body: { service: 'x'.repeat(600), environment: 'production' } },
      413,
      'body_too_large',
    ],
    ['invalid JSON', { body: '{"service":' }, 400, 'invalid_json'],
    [
      'another content type',
      { body: 'service=x', headers: { 'content-type': 'text/plain' } },
      415,
      'unsupported_media_type',
    ],
  ] as const)('refuses %s', async (_label, init, status, code) => {
    await start({ maxBodyBytes: 512 });
    const response = await call('/v1/evidence/collect', init);

    expect(response.status).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    await start();
    const missing = await call('/v1/nothing', { method: 'GET' });
    const wrongMethod = await call('/v1/gate', { method: 'GET' });

    expect(missing.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

describe('graceful shutdown', () => {
  it('lets a running collection finish, then stops accepting connections', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached: () => void = () => {};
    const queried = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const running = await start({
      beforePrometheusAnswers: () => {
        reached();
        return held;
      },
    });
    const inFlight = call('/v1/evidence/collect', {
      body: { service: 'checkout-api', environment: 'production' },
    });
    await queried;

    const closed = running.host.close();
    release();
    const response = await inFlight;
    await closed;

    expect(response.status).toBe(200);
    expect((response.json() as { records: EvidenceRecord[] }).records[0]?.status).toBe('passed');
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});
