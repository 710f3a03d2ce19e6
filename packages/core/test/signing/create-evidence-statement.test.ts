import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import { createEvidenceStatement } from '../../src/signing/create-evidence-statement';
import {
  IN_TOTO_STATEMENT_TYPE,
  RELEASE_EVIDENCE_PREDICATE_TYPE,
} from '../../src/signing/evidence-statement';
import { decide, makeRecord, passedErrorRate } from '../report/support/report-fixtures';
import { DIGEST, DIGEST_HEX, OTHER_DIGEST, releaseRecords } from './signing-fixtures';

describe('createEvidenceStatement', () => {
  it('makes an in-toto Statement v1 with one subject per artifact digest', () => {
    const records = releaseRecords();
    const decision = decide(records, [{ connector: 'prometheus', fact: 'error_rate' }]);
    const statement = createEvidenceStatement({ records, decision });
    expect(statement).toEqual({
      _type: IN_TOTO_STATEMENT_TYPE,
      subject: [{ name: 'zahlungsdienst-ü-決済@2.14.0', digest: { sha256: DIGEST_HEX } }],
      predicateType: RELEASE_EVIDENCE_PREDICATE_TYPE,
      predicate: { records, decision },
    });
  });

  it('names a subject by its digest when several services or no version share it, and sorts', () => {
    const records = [
      makeRecord({
        service: 'web',
        release: { version: '1', artifactDigest: OTHER_DIGEST },
        facts: [],
      }),
      makeRecord({
        service: 'api',
        release: { version: '1', artifactDigest: OTHER_DIGEST },
        facts: [],
      }),
      makeRecord({
        service: 'api',
        release: { artifactDigest: DIGEST.toUpperCase().replace('SHA256', 'sha256') },
        facts: [],
      }),
      makeRecord({ service: 'api', facts: [] }),
    ];
    expect(createEvidenceStatement({ records }).subject).toEqual([
      { name: DIGEST, digest: { sha256: DIGEST_HEX } },
      { name: OTHER_DIGEST, digest: { sha256: 'b'.repeat(64) } },
    ]);
  });

  it('keeps digests of other algorithms under their own key', () => {
    const records = [
      makeRecord({
        release: { version: '3', artifactDigest: `sha512:${'c'.repeat(128)}` },
        facts: [],
      }),
    ];
    expect(createEvidenceStatement({ records }).subject[0]?.digest).toEqual({
      sha512: 'c'.repeat(128),
    });
  });

  it('writes decision null without a gate, generatedAt only when given, and a custom predicate type', () => {
    const statement = createEvidenceStatement({
      records: releaseRecords(),
      generatedAt: new Date('2026-11-21T12:00:00Z'),
      predicateType: 'https://example.com/custom/v1',
    });
    expect(statement.predicate.decision).toBeNull();
    expect(statement.predicate.generatedAt).toBe('2026-11-21T12:00:00.000Z');
    expect(statement.predicateType).toBe('https://example.com/custom/v1');
    expect('generatedAt' in createEvidenceStatement({ records: releaseRecords() }).predicate).toBe(
      false,
    );
  });

  it.each([
    ['no records', []],
    [
      'records without a digest',
      [makeRecord({ release: { version: '1' }, facts: [passedErrorRate] })],
    ],
  ])(
    'refuses %s with a ConfigurationError naming scope.release.artifactDigest',
    (_name, records) => {
      let caught: unknown;
      try {
        createEvidenceStatement({ records });
      } catch (error) {
        caught = error;
      }
      expect(ConfigurationError.isInstance(caught)).toBe(true);
      expect((caught as ConfigurationError).issues[0]?.path).toBe('scope.release.artifactDigest');
      expect((caught as ConfigurationError).message).toContain('scope.release.artifactDigest');
    },
  );

  it('redacts the predicate when a redactor is given', () => {
    const redactor = createRedactor();
    redactor.register('canary-secret-value-123');
    const leaky = makeRecord({
      release: { artifactDigest: DIGEST },
      warnings: [{ code: 'x', message: 'canary-secret-value-123' }],
      facts: [],
    });
    const statement = createEvidenceStatement({ records: [leaky], redactor });
    expect(JSON.stringify(statement)).not.toContain('canary-secret-value-123');
  });
});
