import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseInsensitivePattern,
  EVIDENCE_JSON_SCHEMA_V1_TITLE,
  evidenceJsonSchema,
  evidenceJsonSchemaText,
  type JsonSchemaObject,
} from '../../src/evidence/evidence-json-schema';
import { EVIDENCE_SCHEMA_V1_ID, evidenceRecordSchema } from '../../src/evidence/evidence-schema';
import { FACT_REASONS } from '../../src/evidence/fact-reason';
import { seedEvidenceRecord } from './seed-evidence-record';

const committedPath = path.join(import.meta.dirname, '..', '..', 'schema', 'evidence-v1.json');
const committedText = readFileSync(committedPath, 'utf8');
const committed = JSON.parse(committedText) as JsonSchemaObject;

/** Reads a sub-schema by JSON pointer segments, failing the test when it is missing. */
function at(schema: unknown, ...segments: (string | number)[]): JsonSchemaObject {
  let node: unknown = schema;
  for (const segment of segments) {
    node = (node as Record<string | number, unknown> | undefined)?.[segment];
    expect(node, `no ${segments.join('/')} in the JSON Schema`).toBeDefined();
  }
  return node as JsonSchemaObject;
}

describe('schema/evidence-v1.json', () => {
  it('equals a fresh generation from the zod schema', () => {
    expect(
      committedText,
      'schema/evidence-v1.json is stale: run `pnpm --filter @evidencekit/core generate` and commit it',
    ).toBe(evidenceJsonSchemaText());
  });

  it('is a draft 2020-12 schema identified by the v1 id, as 2-space JSON with a newline', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toBe(EVIDENCE_SCHEMA_V1_ID);
    expect(committed.title).toBe(EVIDENCE_JSON_SCHEMA_V1_TITLE);
    expect(committedText).toBe(`${JSON.stringify(committed, null, 2)}\n`);
  });

  it('generates the same document every time', () => {
    expect(evidenceJsonSchema()).toEqual(evidenceJsonSchema());
  });

  it('requires a reason for every status but passed, with codes from that status only', () => {
    const rules = at(committed, 'properties', 'facts', 'items', 'allOf') as unknown as unknown[];
    const ruleFor = (status: string) =>
      rules.find((rule) => at(rule, 'if', 'properties', 'status').const === status);

    expect(at(ruleFor('passed'), 'then', 'properties').reason).toBe(false);
    for (const [status, reasons] of Object.entries(FACT_REASONS)) {
      const then = at(ruleFor(status), 'then');
      expect(then.required).toEqual(['reason']);
      expect(at(then, 'properties', 'reason', 'properties', 'code').enum).toEqual(
        Object.keys(reasons),
      );
    }
    expect(rules).toHaveLength(1 + Object.keys(FACT_REASONS).length);
  });

  it('keeps case-insensitive zod patterns case-insensitive', () => {
    const release = at(committed, 'properties', 'scope', 'properties', 'release', 'properties');
    const commit = new RegExp(String(at(release, 'commit').pattern), 'u');
    const digest = new RegExp(String(at(release, 'artifactDigest').pattern), 'u');
    expect(['abcdef0', 'ABCDEF0', 'AbCdEf0123'].map((text) => commit.test(text))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['main', 'abcde', 'abcdefg'].map((text) => commit.test(text))).toEqual([
      false,
      false,
      false,
    ]);
    expect(digest.test(`SHA256:${'AB'.repeat(16)}`)).toBe(true);
    expect(digest.test(`sha256:${'g'.repeat(32)}`)).toBe(false);
  });
});

describe('documents against the evidence schema', () => {
  // Every validator must give the same verdict. The zod schema is the source of truth; a JSON
  // Schema validator (ajv 2020 with ajv-formats) belongs here as a second entry once the
  // workspace depends on one.
  const validators: Record<string, (document: unknown) => boolean> = {
    zod: (document) => evidenceRecordSchema.safeParse(document).success,
  };

  const withFirstFact = (fact: Record<string, unknown>) => {
    const record = seedEvidenceRecord();
    record.facts[0] = { name: 'error_rate', ...fact };
    return record;
  };
  const documents: { name: string; document: unknown; valid: boolean }[] = [
    { name: 'the seed evidence summary', document: seedEvidenceRecord(), valid: true },
    {
      name: 'an unavailable fact with a reason',
      document: withFirstFact({ status: 'unavailable', reason: { code: 'stale', message: 'old' } }),
      valid: true,
    },
    {
      name: 'an unavailable fact without a reason',
      document: withFirstFact({ status: 'unavailable' }),
      valid: false,
    },
    {
      name: 'a failed fact with a pending reason',
      document: withFirstFact({ status: 'failed', reason: { code: 'in_progress', message: 'x' } }),
      valid: false,
    },
    {
      name: 'a passed fact with a reason',
      document: withFirstFact({ status: 'passed', reason: { code: 'manual', message: 'x' } }),
      valid: false,
    },
    {
      name: 'an observedAt without a time zone',
      document: {
        ...seedEvidenceRecord(),
        freshness: { observedAt: '2026-05-03T09:30:00', maxAgeSeconds: 300 },
      },
      valid: false,
    },
  ];

  for (const [validatorName, validate] of Object.entries(validators)) {
    it.each(documents)(`${validatorName}: $name is valid: $valid`, ({ document, valid }) => {
      expect(validate(document)).toBe(valid);
    });
  }
});

describe('caseInsensitivePattern', () => {
  it.each([
    { source: '^[0-9a-f]{7,64}$', expected: '^[0-9a-fA-F]{7,64}$' },
    { source: '^[a-z0-9]+:[0-9a-f]{32,128}$', expected: '^[a-z0-9A-Z]+:[0-9a-fA-F]{32,128}$' },
    { source: 'ab\\d', expected: '[aA][bB]\\d' },
    { source: '[^x-z_]', expected: '[^x-z_X-Z]' },
    { source: '[0-z]', expected: '[0-zA-Za-z]' },
    { source: '(?:v|V)\\.', expected: '(?:[vV]|[vV])\\.' },
  ])('rewrites /$source/i as /$expected/', ({ source, expected }) => {
    expect(caseInsensitivePattern(source)).toBe(expected);
  });

  it.each(['\\x41', '\\u0041', '\\p{L}', '(?<name>a)'])(
    'refuses /%s/ it cannot rewrite',
    (source) => {
      expect(() => caseInsensitivePattern(source)).toThrow(/Cannot make/);
    },
  );

  it('matches exactly what the source matches with the i flag', () => {
    const sources = ['^[0-9a-f]{7,64}$', '^[a-z0-9]+:[0-9a-f]{32,128}$', '^ab[^c-e]z$', '^[0-z]+$'];
    // Random text seldom matches, so near-misses and matches of each source are mixed in.
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0189aAbBcCdDfFgGzZ:_-!'), maxLength: 40 }),
      fc.constantFrom('ABCDEF0', 'abcdeF', 'AbfZ', 'aBCz', 'aB_Z', `Md5:${'aF'.repeat(16)}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...sources), text, (source, candidate) => {
        const withFlag = new RegExp(source, 'i').test(candidate);
        const rewritten = new RegExp(caseInsensitivePattern(source), 'u').test(candidate);
        expect(rewritten).toBe(withFlag);
      }),
    );
  });
});
