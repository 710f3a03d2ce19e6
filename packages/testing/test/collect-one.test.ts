import {
  configureConnector,
  createRuntime,
  defineConnector,
  type EvidenceRecord,
} from '@evidencekit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { onlyValidRecord } from '../src/collect/collect-one';
import { collectOne, UnexpectedCollectResultError } from '../src/index';
import { useProviderMockServer } from '../src/vitest/index';
import {
  createStatusPage,
  incidentsRoute,
  STATUS_PAGE_BASE_URL,
  statusPageConfigSchema,
  statusPageMetadata,
  statusPageRoutes,
} from './support/status-page-connector';

const API_KEY = 'status-page-key-7d1e4b9a0c';
const server = useProviderMockServer();
const target = {
  scope: { workspaceId: 'acme', service: 'checkout', environment: 'production' },
  selector: { page: 'acme' },
};
const connector = () => createStatusPage({ baseUrl: STATUS_PAGE_BASE_URL, apiKey: 'env:SP_KEY' });

// Reports no observedAt, so the record's freshness shows which clock the engine read.
const clockReader = configureConnector(
  defineConnector({
    specificationVersion: 'v1',
    metadata: statusPageMetadata,
    configSchema: statusPageConfigSchema,
    selectorSchema: z.strictObject({ page: z.string().min(1) }),
    doCheck: async () => ({ ok: true, findings: [] }),
    doCollect: async () => ({ facts: [{ name: 'page_indicator', kind: 'word', value: 'none' }] }),
  }),
  { baseUrl: STATUS_PAGE_BASE_URL, apiKey: 'env:SP_KEY' },
);

beforeEach(() => {
  vi.stubEnv('SP_KEY', API_KEY);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('collectOne', () => {
  it('mounts the routes, collects the one target and returns its record', async () => {
    const record = await collectOne(connector(), target, {
      mock: { server, baseUrl: STATUS_PAGE_BASE_URL, routes: statusPageRoutes },
    });

    expect(record.connector).toBe('status-page');
    expect(record.facts.map((fact) => [fact.name, fact.status])).toEqual([
      ['open_incidents', 'failed'],
      ['page_indicator', 'passed'],
    ]);
    expect(JSON.stringify(record)).not.toContain(API_KEY);
  });

  it("runs the engine on the default runtime's virtual clock", async () => {
    const record = await collectOne(clockReader, target);

    expect(record.freshness.observedAt).toBe('2025-01-15T12:00:00.000Z');
  });

  it('retries a failing route on the default runtime without waiting for real', async () => {
    const record = await collectOne(connector(), target, {
      mock: {
        server,
        baseUrl: STATUS_PAGE_BASE_URL,
        routes: {
          ...statusPageRoutes,
          [incidentsRoute]: [{ status: 503 }, statusPageRoutes[incidentsRoute]],
        },
      },
    });

    expect(record.facts.find((fact) => fact.name === 'open_incidents')?.status).toBe('failed');
    expect(server.recorder.find(incidentsRoute, STATUS_PAGE_BASE_URL)).toHaveLength(2);
  });

  it('leaves a runtime the test owns open, and uses the clock the test gives', async () => {
    const runtime = createRuntime({ cacheStore: false, retry: { maxRetries: 0 } });
    const now = () => new Date('2026-02-01T08:00:00Z');
    const mock = { server, baseUrl: STATUS_PAGE_BASE_URL, routes: statusPageRoutes };
    try {
      const first = await collectOne(connector(), target, { mock, runtime, now });
      const second = await collectOne(connector(), target, { mock, runtime, now });

      expect(first.status).toBe('failed');
      expect(second.status).toBe('failed');
      const clocked = await collectOne(clockReader, target, { runtime, now });
      expect(clocked.freshness.observedAt).toBe('2026-02-01T08:00:00.000Z');
    } finally {
      await runtime.close();
    }
  });
});

describe('onlyValidRecord', () => {
  const valid = (): EvidenceRecord => ({
    connector: 'status-page',
    scope: target.scope,
    status: 'passed',
    freshness: { observedAt: '2026-05-03T09:30:00Z', maxAgeSeconds: 300 },
    facts: [{ name: 'page_indicator', status: 'passed', value: 'none', threshold: '== none' }],
  });

  it.each([
    ['no record', [] as EvidenceRecord[], /got 0/],
    ['two records', [valid(), valid()], /got 2/],
    [
      'a record the evidence schema refuses',
      [
        {
          ...valid(),
          facts: [{ name: 'page_indicator', status: 'great' }],
        } as unknown as EvidenceRecord,
      ],
      /facts\.0\.status/,
    ],
  ])('refuses %s with UnexpectedCollectResultError', (_name, records, message) => {
    const attempt = () => onlyValidRecord(records);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(UnexpectedCollectResultError.isInstance(error)).toBe(true);
    }
  });

  it('returns a record with an invalid scope only when validation is turned off', () => {
    const record = { ...valid(), scope: { ...target.scope, release: { commit: 'a' } } };
    expect(() => onlyValidRecord([record])).toThrow(/scope\.release\.commit/);
    expect(onlyValidRecord([record], { validate: false })).toBe(record);
  });

  it('returns the one valid record', () => {
    const record = valid();
    expect(onlyValidRecord([record])).toBe(record);
  });
});
