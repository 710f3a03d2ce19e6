import { describe, expect, it } from 'vitest';
import { EVIDENCE_SCHEMA_V1_ID, evidenceRecordSchema } from '../../src/evidence/evidence-schema';
import { FACT_REASONS } from '../../src/evidence/fact-reason';
import { seedEvidenceRecord } from './seed-evidence-record';

type EvidenceDocument = ReturnType<typeof seedEvidenceRecord>;

/** The seed with its first fact replaced, for fact-level cases. */
function withFirstFact(fact: Record<string, unknown>): EvidenceDocument {
  const record = seedEvidenceRecord();
  record.facts[0] = { name: 'error_rate', ...fact };
  return record;
}

function withChange(change: (record: EvidenceDocument) => void): EvidenceDocument {
  const record = seedEvidenceRecord();
  change(record);
  return record;
}

describe('evidenceRecordSchema', () => {
  it('accepts the seed evidence summary unchanged', () => {
    const seed = seedEvidenceRecord();
    const result = evidenceRecordSchema.safeParse(seed);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(seed);
  });

  const validRecords: { name: string; record: EvidenceDocument }[] = [
    {
      name: 'every optional field filled in',
      record: withChange((record) => {
        record.schema = EVIDENCE_SCHEMA_V1_ID;
        record.status = 'failed';
        record.scope = {
          workspaceId: 'workspace-acme-prod',
          service: 'checkout-api',
          environment: 'production',
          release: {
            version: '2.14.0',
            commit: '0123456789abcdef0123456789abcdef01234567',
            artifactDigest: `sha256:${'a'.repeat(64)}`,
          },
        };
        record.freshness = {
          observedAt: '2026-05-03T09:30:00+02:00',
          maxAgeSeconds: 300,
          collectedAt: '2026-05-03T09:30:01.250Z',
        };
        record.facts.push({
          name: 'error_budget',
          status: 'failed',
          value: '3.1%',
          threshold: '< 1%',
          measurement: { value: 3.1, unit: '%' },
          reason: { code: 'threshold_breached', message: 'error rate 3.1% is not < 1%' },
          action: 'Roll back checkout-api.',
          source: { url: 'https://prometheus.example/api/v1/query', query: 'error_rate' },
        });
        record.warnings = [{ code: 'credential_too_broad', message: 'the token can write' }];
        record.providerMetadata = {
          prometheus: { resultType: 'vector', samples: [1, 'two', null, { nested: true }] },
        };
      }),
    },
    { name: 'no facts at all', record: withChange((record) => record.facts.splice(0)) },
    {
      name: 'an upper-case commit SHA',
      record: withChange((record) => {
        record.scope = { ...(record.scope as object), release: { commit: 'ABCDEF0' } };
      }),
    },
    ...Object.entries(FACT_REASONS).flatMap(([status, reasons]) =>
      Object.keys(reasons).map((code) => ({
        name: `a ${status} fact with reason ${code}`,
        record: withFirstFact({ status, reason: { code, message: 'what happened' } }),
      })),
    ),
  ];

  it.each(validRecords)('accepts $name', ({ record }) => {
    const result = evidenceRecordSchema.safeParse(record);
    expect(result.error?.issues).toBeUndefined();
  });

  const invalidRecords: { name: string; record: unknown; path: (string | number)[] }[] = [
    {
      name: 'an unavailable fact without a reason',
      record: withFirstFact({ status: 'unavailable' }),
      path: ['facts', 0, 'reason'],
    },
    {
      name: 'a failed fact without a reason',
      record: withFirstFact({ status: 'failed', value: '3%' }),
      path: ['facts', 0, 'reason'],
    },
    {
      name: 'a pending fact without a reason',
      record: withFirstFact({ status: 'pending' }),
      path: ['facts', 0, 'reason'],
    },
    {
      name: 'a failed fact with a pending reason',
      record: withFirstFact({
        status: 'failed',
        reason: { code: 'in_progress', message: 'still running' },
      }),
      path: ['facts', 0, 'reason', 'code'],
    },
    {
      name: 'an unavailable fact with a failed reason',
      record: withFirstFact({
        status: 'unavailable',
        reason: { code: 'threshold_breached', message: 'too high' },
      }),
      path: ['facts', 0, 'reason', 'code'],
    },
    {
      name: 'a pending fact with an unavailable reason',
      record: withFirstFact({ status: 'pending', reason: { code: 'timeout', message: 'slow' } }),
      path: ['facts', 0, 'reason', 'code'],
    },
    {
      name: 'a passed fact with a reason',
      record: withFirstFact({ status: 'passed', reason: { code: 'no_data', message: 'empty' } }),
      path: ['facts', 0, 'reason'],
    },
    {
      name: 'a reason code outside the closed set',
      record: withFirstFact({ status: 'unavailable', reason: { code: 'oops', message: 'x' } }),
      path: ['facts', 0, 'reason', 'code'],
    },
    {
      name: 'a reason with an empty message',
      record: withFirstFact({ status: 'unavailable', reason: { code: 'no_data', message: '' } }),
      path: ['facts', 0, 'reason', 'message'],
    },
    {
      name: 'an unknown fact status',
      record: withFirstFact({ status: 'ok' }),
      path: ['facts', 0, 'status'],
    },
    {
      name: 'a fact name that is not snake_case',
      record: withChange((record) => {
        record.facts[1] = { name: 'P95 Latency', status: 'passed' };
      }),
      path: ['facts', 1, 'name'],
    },
    {
      name: 'a measurement in an unknown unit',
      record: withFirstFact({ status: 'passed', measurement: { value: 1, unit: 'furlong' } }),
      path: ['facts', 0, 'measurement', 'unit'],
    },
    {
      name: 'a missing connector',
      record: withChange((record) => delete record.connector),
      path: ['connector'],
    },
    {
      name: 'an empty service',
      record: withChange((record) => {
        record.scope = { ...(record.scope as object), service: '' };
      }),
      path: ['scope', 'service'],
    },
    {
      name: 'an observedAt that is not an ISO date-time',
      record: withChange((record) => {
        record.freshness = { observedAt: 'yesterday', maxAgeSeconds: 300 };
      }),
      path: ['freshness', 'observedAt'],
    },
    {
      name: 'a zero maxAgeSeconds',
      record: withChange((record) => {
        record.freshness = { observedAt: '2026-05-03T09:30:00Z', maxAgeSeconds: 0 };
      }),
      path: ['freshness', 'maxAgeSeconds'],
    },
    {
      name: 'a fractional maxAgeSeconds',
      record: withChange((record) => {
        record.freshness = { observedAt: '2026-05-03T09:30:00Z', maxAgeSeconds: 1.5 };
      }),
      path: ['freshness', 'maxAgeSeconds'],
    },
    {
      name: 'a commit that is not hexadecimal',
      record: withChange((record) => {
        record.scope = { ...(record.scope as object), release: { commit: 'main' } };
      }),
      path: ['scope', 'release', 'commit'],
    },
    {
      name: 'another schema identifier',
      record: withChange((record) => {
        record.schema = 'https://evidencekit.dev/schema/evidence-v2.json';
      }),
      path: ['schema'],
    },
    {
      name: 'an unknown roll-up status',
      record: withChange((record) => {
        record.status = 'green';
      }),
      path: ['status'],
    },
    {
      name: 'provider metadata that is not keyed by provider',
      record: withChange((record) => {
        record.providerMetadata = { prometheus: 'raw text' };
      }),
      path: ['providerMetadata', 'prometheus'],
    },
    { name: 'a non-object', record: 'passed', path: [] },
  ];

  it.each(invalidRecords)('rejects $name at $path', ({ record, path }) => {
    const result = evidenceRecordSchema.safeParse(record);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([path]);
  });
});
