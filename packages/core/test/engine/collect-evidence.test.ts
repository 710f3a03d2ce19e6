import { describe, expect, it } from 'vitest';
import { configureConnector } from '../../src/contract/configured-connector';
import { collectEvidence } from '../../src/engine/collect-evidence';
import type { EvidenceTarget } from '../../src/engine/evidence-target';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { UnsupportedSpecificationVersionError } from '../../src/errors/unsupported-specification-version-error';
import { type EvidenceRecord, evidenceRecordSchema } from '../../src/evidence/evidence-schema';
import { scope, scriptedConnector, testRuntimeHost } from './fixtures';

const fixedNow = () => new Date('2026-11-21T12:00:00.000Z');

function targetsFor(
  connector: ReturnType<typeof scriptedConnector>,
  services: string[],
): EvidenceTarget[] {
  return services.map((service) => ({
    connector,
    scope: scope(service),
    selector: { service },
  }));
}

async function collect(
  targets: EvidenceTarget[] | AsyncIterable<EvidenceTarget>,
  extra: Partial<Parameters<typeof collectEvidence>[0]> = {},
): Promise<EvidenceRecord[]> {
  return Array.fromAsync(
    collectEvidence({ targets, runtime: testRuntimeHost(), now: fixedNow, ...extra }),
  );
}

function factsByName(record: EvidenceRecord | undefined) {
  return Object.fromEntries((record?.facts ?? []).map((fact) => [fact.name, fact]));
}

describe('collectEvidence', () => {
  it('evaluates observations against thresholds and produces valid records', async () => {
    const connector = scriptedConnector(async ({ selector }) => ({
      observedAt: new Date('2026-11-21T11:59:30.000Z'),
      facts: [
        {
          name: 'error_rate',
          kind: 'measured',
          value: selector.service === 'api' ? 0.02 : 3.5,
          unit: '%',
        },
        { name: 'rollout_status', kind: 'word', value: 'Complete' },
        { name: 'open_incidents', kind: 'empty' },
      ],
    }));
    const records = await collect(targetsFor(connector, ['api', 'web']));
    expect(records).toHaveLength(2);
    for (const record of records) expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
    const api = records.find((record) => record.scope.service === 'api');
    const web = records.find((record) => record.scope.service === 'web');
    expect(api?.status).toBe('passed');
    expect(factsByName(api).error_rate).toMatchObject({
      status: 'passed',
      value: '0.02%',
      threshold: '< 1%',
      measurement: { value: 0.02, unit: '%' },
    });
    expect(factsByName(api).open_incidents).toMatchObject({ status: 'passed', value: '0' });
    expect(web?.status).toBe('failed');
    expect(factsByName(web).error_rate).toMatchObject({
      status: 'failed',
      value: '3.5%',
      reason: { code: 'threshold_breached' },
      action: 'Investigate the error spike before releasing.',
    });
    expect(api?.freshness).toEqual({
      observedAt: '2026-11-21T11:59:30.000Z',
      maxAgeSeconds: 300,
      collectedAt: '2026-11-21T12:00:00.000Z',
    });
  });

  it('applies per-target threshold overrides and max age', async () => {
    const connector = scriptedConnector(async () => ({
      facts: [{ name: 'error_rate', kind: 'measured', value: 2, unit: '%' }],
    }));
    const [record] = await collect([
      {
        connector,
        scope: scope('api'),
        selector: { service: 'api' },
        thresholds: { error_rate: '< 5%' },
        maxAgeSeconds: 60,
      },
    ]);
    expect(factsByName(record).error_rate).toMatchObject({ status: 'passed', threshold: '< 5%' });
    expect(record?.freshness.maxAgeSeconds).toBe(60);
    expect(record?.freshness.observedAt).toBe('2026-11-21T12:00:00.000Z');
  });

  it('refuses a target max age that is not a positive whole number, naming the field', async () => {
    const connector = scriptedConnector(async () => ({
      facts: [{ name: 'rollout_status', kind: 'word', value: 'Complete' }],
    }));
    const [record] = await collect([
      { connector, scope: scope('api'), selector: { service: 'api' }, maxAgeSeconds: 0 },
    ]);
    expect(record?.status).toBe('unavailable');
    expect(record?.facts[0]?.reason).toMatchObject({ code: 'config' });
    expect(record?.facts[0]?.reason?.message).toContain('maxAgeSeconds');
    expect(record?.freshness.maxAgeSeconds).toBe(300);
    expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
  });

  it('lets a connector shorten freshness, never extend it', async () => {
    const shorter = scriptedConnector(async () => ({
      maxAgeSeconds: 42,
      facts: [{ name: 'rollout_status', kind: 'word', value: 'Complete' }],
    }));
    const longer = scriptedConnector(async () => ({
      maxAgeSeconds: 86_400,
      facts: [{ name: 'rollout_status', kind: 'word', value: 'Complete' }],
    }));
    const [short] = await collect(targetsFor(shorter, ['api']));
    const [long] = await collect(targetsFor(longer, ['api']));
    expect(short?.freshness.maxAgeSeconds).toBe(42);
    expect(long?.freshness.maxAgeSeconds).toBe(300);
  });

  it.each([
    ['a plain Error', () => new Error('socket hang up'), 'connector_error'],
    [
      'a configuration error',
      () => new ConfigurationError({ issues: [{ path: 'x', expected: 'y' }] }),
      'config',
    ],
    ['a non-error value', () => 'just a string', 'connector_error'],
  ])('turns %s thrown by a connector into unavailable facts', async (_label, makeError, code) => {
    const connector = scriptedConnector(async () => {
      throw makeError();
    });
    const [record] = await collect(targetsFor(connector, ['api']));
    expect(record?.status).toBe('unavailable');
    expect(record?.facts).toHaveLength(3);
    for (const fact of record?.facts ?? []) {
      expect(fact).toMatchObject({ status: 'unavailable', reason: { code } });
      expect(fact.action).toBeTruthy();
    }
    expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
  });

  it('isolates failures to their own target', async () => {
    const connector = scriptedConnector(async ({ selector }) => {
      if (selector.service === 'broken') throw new Error('boom');
      return { facts: [{ name: 'rollout_status', kind: 'word', value: 'Complete' }] };
    });
    const records = await collect(targetsFor(connector, ['api', 'broken', 'web']));
    const statuses = Object.fromEntries(
      records.map((record) => [record.scope.service, record.status]),
    );
    expect(statuses).toEqual({ api: 'passed', broken: 'unavailable', web: 'passed' });
  });

  it('gives up on a connector that hangs past its deadline, even if it ignores its signal', async () => {
    const connector = scriptedConnector(() => new Promise(() => {}));
    const [record] = await collect(targetsFor(connector, ['api']), { timeoutMs: 5 });
    expect(record?.facts.map((fact) => fact.reason?.code)).toEqual([
      'timeout',
      'timeout',
      'timeout',
    ]);
  });

  it.each([
    ['not an object', () => 42],
    ['an unknown observation kind', () => ({ facts: [{ name: 'error_rate', kind: 'great' }] })],
    [
      'a measured value that is not a number',
      () => ({ facts: [{ name: 'error_rate', kind: 'measured', value: '1', unit: '%' }] }),
    ],
  ])('turns a result that is %s into connector_error', async (_label, produce) => {
    const connector = scriptedConnector(async () => produce() as never);
    const [record] = await collect(targetsFor(connector, ['api']));
    expect(record?.status).toBe('unavailable');
    expect(record?.facts[0]?.reason?.code).toBe('connector_error');
    expect(record?.facts[0]?.reason?.message).toMatch(/invalid result/);
  });

  it('never passes NaN, infinite or empty measurements', async () => {
    const connector = scriptedConnector(async () => ({
      facts: [
        { name: 'error_rate', kind: 'measured', value: Number.NaN, unit: '%' },
        { name: 'rollout_status', kind: 'empty' },
      ],
    }));
    const [record] = await collect(targetsFor(connector, ['api']));
    expect(factsByName(record).error_rate).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response' },
    });
    expect(factsByName(record).rollout_status).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_data' },
    });
    expect(record?.status).toBe('unavailable');
  });

  it('reports pending, provider failures and unknown facts honestly', async () => {
    const connector = scriptedConnector(async () => ({
      facts: [
        {
          name: 'rollout_status',
          kind: 'pending',
          reason: 'in_progress',
          message: '2 of 3 replicas updated',
        },
        {
          name: 'open_incidents',
          kind: 'failed',
          reason: 'provider_failed',
          message: 'SEV1 open',
          value: '1',
        },
        { name: 'not_in_catalog', kind: 'word', value: 'x' } as never,
      ],
    }));
    const [record] = await collect(targetsFor(connector, ['api']));
    expect(factsByName(record).rollout_status).toMatchObject({
      status: 'pending',
      reason: { code: 'in_progress' },
    });
    expect(factsByName(record).open_incidents).toMatchObject({ status: 'failed', value: '1' });
    expect(record?.warnings?.map((warning) => warning.code)).toEqual(['unknown_fact']);
    expect(record?.status).toBe('failed');
  });

  it('records with no facts are unavailable, never passed', async () => {
    const connector = scriptedConnector(async () => ({ facts: [] }));
    const [record] = await collect(targetsFor(connector, ['api']));
    expect(record?.status).toBe('unavailable');
    expect(record?.warnings?.[0]?.code).toBe('no_facts');
  });

  it('names the bad settings and selector fields without running the connector', async () => {
    let calls = 0;
    const good = scriptedConnector(async () => {
      calls += 1;
      return { facts: [] };
    });
    const badSettings = configureConnector(good.connector, { baseUrl: 'not a url' });
    const records = await collect([
      { connector: badSettings, scope: scope('api'), selector: { service: 'api' } },
      { connector: good, scope: scope('web'), selector: { service: '' } },
    ]);
    expect(calls).toBe(0);
    const messages = records.map((record) => record.facts[0]?.reason);
    expect(messages[0]).toMatchObject({ code: 'config' });
    expect(messages[0]?.message).toContain('settings.baseUrl');
    expect(messages[1]?.message).toContain('selector.service');
  });

  it('keeps concurrency within its bound and yields in completion order', async () => {
    let running = 0;
    let maxRunning = 0;
    const delays: Record<string, number> = { slow: 30, fast: 1, medium: 10 };
    const connector = scriptedConnector(async ({ selector }) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, delays[selector.service] ?? 1));
      running -= 1;
      return { facts: [{ name: 'rollout_status', kind: 'word', value: 'Complete' }] };
    });
    const records = await collect(targetsFor(connector, ['slow', 'fast', 'medium']), {
      concurrency: 3,
    });
    expect(records.map((record) => record.scope.service)).toEqual(['fast', 'medium', 'slow']);

    maxRunning = 0;
    const many = targetsFor(
      connector,
      Array.from({ length: 20 }, (_, index) => `s${index}`),
    );
    await collect(many, { concurrency: 2 });
    expect(maxRunning).toBe(2);
  });

  it('streams from an async iterable and reports progress', async () => {
    const connector = scriptedConnector(async () => ({
      facts: [{ name: 'rollout_status', kind: 'word', value: 'Complete' }],
    }));
    async function* generate() {
      for (let index = 0; index < 200; index += 1) {
        yield { connector, scope: scope(`s${index}`), selector: { service: `s${index}` } };
      }
    }
    const progress: number[] = [];
    const records = await collect(generate(), {
      concurrency: 16,
      onProgress: ({ completed }) => progress.push(completed),
    });
    expect(records).toHaveLength(200);
    expect(progress.at(-1)).toBe(200);
    expect(new Set(records.map((record) => record.scope.service)).size).toBe(200);
  });

  it('stops on abort: running targets end as cancelled, no new target starts', async () => {
    const controller = new AbortController();
    let started = 0;
    const connector = scriptedConnector(({ signal }) => {
      started += 1;
      if (started === 2) controller.abort();
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    });
    const records = await collect(targetsFor(connector, ['a', 'b', 'c', 'd', 'e']), {
      concurrency: 2,
      signal: controller.signal,
    });
    expect(started).toBe(2);
    expect(records).toHaveLength(2);
    for (const record of records) expect(record.facts[0]?.reason?.code).toBe('cancelled');
  });

  it('refuses a connector of an unknown specification version, naming the supported ones', async () => {
    const connector = scriptedConnector(async () => ({ facts: [] }));
    const future = configureConnector(
      { ...connector.connector, specificationVersion: 'v9' } as never,
      { baseUrl: 'https://x.example' } as never,
    );
    const run = collect([{ connector: future, scope: scope('api'), selector: { service: 'api' } }]);
    await expect(run).rejects.toSatisfy(
      (error: unknown) =>
        UnsupportedSpecificationVersionError.isInstance(error) && /"v1"/.test(error.message),
    );
  });

  it('redacts registered secrets from connector error messages', async () => {
    const runtime = testRuntimeHost();
    runtime.redactor.register('canary-secret-value-123');
    const connector = scriptedConnector(async () => {
      throw new Error('request to https://api.example?token=canary-secret-value-123 failed');
    });
    const records = await Array.fromAsync(
      collectEvidence({ targets: targetsFor(connector, ['api']), runtime, now: fixedNow }),
    );
    expect(JSON.stringify(records)).not.toContain('canary-secret-value-123');
  });
});
