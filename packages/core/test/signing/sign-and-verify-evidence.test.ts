import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { createEd25519Signer } from '../../src/signing/create-ed25519-signer';
import { createEd25519Verifier } from '../../src/signing/create-ed25519-verifier';
import { createEvidenceStatement } from '../../src/signing/create-evidence-statement';
import {
  type DsseEnvelope,
  dsseEnvelopeSchema,
  IN_TOTO_PAYLOAD_TYPE,
} from '../../src/signing/dsse-envelope';
import type { EvidenceSigner, EvidenceVerifier } from '../../src/signing/evidence-signer';
import type { EvidenceStatement } from '../../src/signing/evidence-statement';
import { generateEd25519KeyPair } from '../../src/signing/generate-ed25519-key-pair';
import { preAuthenticationEncoding } from '../../src/signing/pre-authentication-encoding';
import { signEvidence } from '../../src/signing/sign-evidence';
import {
  type EvidenceVerificationResult,
  verifyEvidenceEnvelope,
} from '../../src/signing/verify-evidence-envelope';
import { decide } from '../report/support/report-fixtures';
import { DIGEST, OTHER_DIGEST, releaseRecords } from './signing-fixtures';

const trustedPair = generateEd25519KeyPair();
const otherPair = generateEd25519KeyPair();
const signer = createEd25519Signer({ privateKey: trustedPair.privateKey });
const verifier = createEd25519Verifier({ publicKey: trustedPair.publicKey });
const records = releaseRecords();
const decision = decide(records, [{ connector: 'prometheus', fact: 'error_rate' }]);
const statement = createEvidenceStatement({ records, decision });

function problemsOf(result: EvidenceVerificationResult): string[] {
  return result.ok ? [] : result.problems;
}

/** Signs arbitrary payload bytes the way signEvidence would, to build envelopes it refuses to. */
async function signRaw(
  payload: Uint8Array,
  payloadType = IN_TOTO_PAYLOAD_TYPE,
): Promise<DsseEnvelope> {
  const signature = await signer.sign(preAuthenticationEncoding(payloadType, payload));
  return {
    payloadType,
    payload: Buffer.from(payload).toString('base64'),
    signatures: [{ keyid: signer.keyId, sig: Buffer.from(signature).toString('base64') }],
  };
}

describe('signEvidence and verifyEvidenceEnvelope: round trip', () => {
  it('verifies its own envelope and returns the statement it signed', async () => {
    const envelope = await signEvidence(statement, signer);
    const result = await verifyEvidenceEnvelope(envelope, { verifier, expectedDigest: DIGEST });
    expect(result).toEqual({ ok: true, statement, verifiedKeyIds: [signer.keyId] });
  });

  it('verifies the envelope from its JSON text, with a non-ASCII service name', async () => {
    const text = JSON.stringify(await signEvidence(statement, signer));
    const result = await verifyEvidenceEnvelope(text, { verifier });
    expect(result.ok && result.statement.subject[0]?.name).toBe('zahlungsdienst-ü-決済@2.14.0');
  });

  it('writes an envelope of the DSSE JSON shape, signed over the PAE', async () => {
    const envelope = await signEvidence(statement, signer);
    expect(dsseEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(Object.keys(envelope)).toEqual(['payloadType', 'payload', 'signatures']);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'))).toEqual(statement);
    const [signature] = envelope.signatures;
    expect(Buffer.from(signature?.sig ?? '', 'base64').byteLength).toBe(64);
    // The key id is the SHA-256 of the public key's SPKI DER, computed independently here.
    const der = createPublicKey(trustedPair.publicKey).export({ type: 'spki', format: 'der' });
    expect(signature?.keyid).toBe(createHash('sha256').update(der).digest('hex'));
    expect(trustedPair.keyId).toBe(signature?.keyid);
  });

  it('accepts an envelope when one of several signatures is from a trusted key', async () => {
    const untrusted = createEd25519Signer({ privateKey: otherPair.privateKey });
    const envelope = await signEvidence(statement, [untrusted, signer]);
    const result = await verifyEvidenceEnvelope(envelope, { verifier });
    expect(result.ok && result.verifiedKeyIds).toEqual([signer.keyId]);
  });

  it('trusts any of several public keys given to the verifier', async () => {
    const both = createEd25519Verifier({ publicKey: [otherPair.publicKey, trustedPair.publicKey] });
    const result = await verifyEvidenceEnvelope(await signEvidence(statement, signer), {
      verifier: both,
    });
    expect(result.ok).toBe(true);
  });
});

describe('verifyEvidenceEnvelope: refusals', () => {
  it('refuses a tampered payload', async () => {
    const envelope = await signEvidence(statement, signer);
    const tampered = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    tampered.predicate.decision.decision = 'pass';
    tampered.predicate.records[1].facts[0].status = 'passed';
    const result = await verifyEvidenceEnvelope(
      { ...envelope, payload: Buffer.from(JSON.stringify(tampered)).toString('base64') },
      { verifier },
    );
    expect(problemsOf(result)).toEqual([
      `signature 0 does not verify for keyid ${signer.keyId}`,
      `no signature from a trusted key (envelope keyids: ${signer.keyId}; trusted: ${signer.keyId})`,
    ]);
  });

  it('refuses a tampered signature', async () => {
    const envelope = await signEvidence(statement, signer);
    const bytes = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    const result = await verifyEvidenceEnvelope(
      { ...envelope, signatures: [{ keyid: signer.keyId, sig: bytes.toString('base64') }] },
      { verifier },
    );
    expect(problemsOf(result)[0]).toBe(`signature 0 does not verify for keyid ${signer.keyId}`);
  });

  it('refuses a signature by a key it does not trust, naming both key ids', async () => {
    const wrong = createEd25519Signer({ privateKey: otherPair.privateKey });
    const result = await verifyEvidenceEnvelope(await signEvidence(statement, wrong), { verifier });
    expect(problemsOf(result)).toEqual([
      `signature 0 is from keyid ${wrong.keyId}, which is not a trusted key`,
      `no signature from a trusted key (envelope keyids: ${wrong.keyId}; trusted: ${signer.keyId})`,
    ]);
  });

  it('refuses a wrong key even when the keyid is forged or removed', async () => {
    const wrong = createEd25519Signer({ privateKey: otherPair.privateKey });
    const envelope = await signEvidence(statement, wrong);
    const sig = envelope.signatures[0]?.sig ?? '';
    for (const signatures of [[{ keyid: signer.keyId, sig }], [{ sig }]]) {
      const result = await verifyEvidenceEnvelope({ ...envelope, signatures }, { verifier });
      expect(result.ok).toBe(false);
      expect(problemsOf(result)[0]).toMatch(/^signature 0 .*does not verify for keyid/);
    }
  });

  it('refuses a statement about another artifact, listing the subjects', async () => {
    const result = await verifyEvidenceEnvelope(await signEvidence(statement, signer), {
      verifier,
      expectedDigest: OTHER_DIGEST,
    });
    expect(problemsOf(result)).toEqual([
      `subject digest does not match: no subject has ${OTHER_DIGEST}; the statement's subjects are zahlungsdienst-ü-決済@2.14.0 (${DIGEST})`,
    ]);
  });

  it('compares an expected digest case-insensitively and refuses one that is not a digest', async () => {
    const envelope = await signEvidence(statement, signer);
    const upper = await verifyEvidenceEnvelope(envelope, {
      verifier,
      expectedDigest: `SHA256:${DIGEST.slice(7).toUpperCase()}`,
    });
    expect(upper.ok).toBe(true);
    const bad = await verifyEvidenceEnvelope(envelope, { verifier, expectedDigest: 'latest' });
    expect(problemsOf(bad)[0]).toContain('expectedDigest "latest" is not a digest');
  });

  it('refuses an unknown predicate type unless it is accepted', async () => {
    const custom = createEvidenceStatement({
      records,
      predicateType: 'https://example.com/other/v1',
    });
    const envelope = await signEvidence(custom, signer);
    expect(problemsOf(await verifyEvidenceEnvelope(envelope, { verifier }))).toEqual([
      'unknown predicate type "https://example.com/other/v1"; expected "https://evidencekit.dev/attestation/release-evidence/v1"',
    ]);
    const accepted = await verifyEvidenceEnvelope(envelope, {
      verifier,
      predicateTypes: ['https://example.com/other/v1'],
    });
    expect(accepted.ok).toBe(true);
  });

  it('refuses a wrong payloadType before looking at signatures', async () => {
    const envelope = await signRaw(
      new TextEncoder().encode(JSON.stringify(statement)),
      'application/json',
    );
    expect(problemsOf(await verifyEvidenceEnvelope(envelope, { verifier }))).toEqual([
      'wrong payloadType: expected "application/vnd.in-toto+json", received "application/json"',
    ]);
  });

  it('refuses a signed payload that changes only its type (the PAE binds the type)', async () => {
    const envelope = await signRaw(
      new TextEncoder().encode(JSON.stringify(statement)),
      'text/plain',
    );
    const result = await verifyEvidenceEnvelope(
      { ...envelope, payloadType: IN_TOTO_PAYLOAD_TYPE },
      { verifier },
    );
    expect(problemsOf(result)[0]).toMatch(/^signature 0 does not verify/);
  });

  const malformedStatements: Array<[string, unknown, string]> = [
    ['not JSON', 'not json {', 'statement malformed: the payload is not UTF-8 JSON'],
    ['no subjects', { ...statement, subject: [] }, 'statement malformed: subject:'],
    [
      'wrong _type',
      { ...statement, _type: 'https://in-toto.io/Statement/v0.1' },
      'statement malformed: _type:',
    ],
    [
      'a record that breaks the schema',
      { ...statement, predicate: { records: [{ connector: '' }], decision: null } },
      'statement malformed: predicate.records.0.',
    ],
    [
      'a decision word the gate never gives',
      { ...statement, predicate: { records, decision: { ...decision, decision: 'maybe' } } },
      'statement malformed: predicate.decision.decision:',
    ],
  ];
  it.each(malformedStatements)(
    'refuses a signed statement with %s',
    async (_name, payload, problem) => {
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const result = await verifyEvidenceEnvelope(await signRaw(new TextEncoder().encode(text)), {
        verifier,
      });
      expect(result.ok).toBe(false);
      expect(problemsOf(result)[0]).toContain(problem);
    },
  );

  it('refuses invalid UTF-8 in a signed payload', async () => {
    const result = await verifyEvidenceEnvelope(await signRaw(new Uint8Array([0x7b, 0xff, 0x7d])), {
      verifier,
    });
    expect(problemsOf(result)).toEqual(['statement malformed: the payload is not UTF-8 JSON']);
  });
});

describe('verifyEvidenceEnvelope: malformed envelopes never throw', () => {
  const cases: Array<[string, unknown, string[]]> = [
    [
      'null',
      null,
      ['malformed envelope: expected a JSON object with payloadType, payload, signatures'],
    ],
    [
      'a number',
      42,
      ['malformed envelope: expected a JSON object with payloadType, payload, signatures'],
    ],
    [
      'an array',
      [],
      ['malformed envelope: expected a JSON object with payloadType, payload, signatures'],
    ],
    ['text that is not JSON', '{"payload"', ['malformed envelope: the text is not JSON']],
    [
      'an empty object',
      {},
      [
        'malformed envelope: envelope.payloadType must be a non-empty string',
        'malformed envelope: envelope.payload must be a base64 string',
        'malformed envelope: envelope.signatures must be a non-empty array',
      ],
    ],
    [
      'no signatures',
      { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: 'e30=', signatures: [] },
      ['malformed envelope: envelope.signatures must be a non-empty array'],
    ],
    [
      'bad signature entries',
      {
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: 'e30=',
        signatures: [null, { keyid: 7, sig: '' }],
      },
      [
        'malformed envelope: envelope.signatures[0] must be an object',
        'malformed envelope: envelope.signatures[1].sig must be a non-empty base64 string',
        'malformed envelope: envelope.signatures[1].keyid must be a string',
      ],
    ],
    [
      'a payload that is not base64',
      {
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: 'not base64!',
        signatures: [{ keyid: '', sig: 'AAAA' }],
      },
      ['envelope.payload is not valid base64'],
    ],
  ];
  it.each(cases)('reports %s', async (_name, input, problems) => {
    expect(await verifyEvidenceEnvelope(input, { verifier })).toEqual({ ok: false, problems });
  });

  it('reports a signature that is not base64 and still looks for a trusted one', async () => {
    const envelope = await signEvidence(statement, signer);
    const result = await verifyEvidenceEnvelope(
      { ...envelope, signatures: [{ keyid: 'x', sig: '%%%' }] },
      { verifier },
    );
    expect(problemsOf(result)[0]).toBe('envelope.signatures[0].sig is not valid base64');
  });

  it('counts a verifier that throws as a failed signature', async () => {
    const throwing: EvidenceVerifier = {
      async verify() {
        throw new Error('HSM offline');
      },
    };
    const result = await verifyEvidenceEnvelope(await signEvidence(statement, signer), {
      verifier: throwing,
    });
    expect(result.ok).toBe(false);
    expect(problemsOf(result).at(-1)).toBe(
      `no signature from a trusted key (envelope keyids: ${signer.keyId})`,
    );
  });

  it.each([1, 'false', {}])(
    'counts a verifier resolving to %j instead of a boolean as a failed signature',
    async (answer) => {
      // A custom verifier from plain JavaScript: only a literal true may verify.
      const sloppy = { verify: async () => answer } as unknown as EvidenceVerifier;
      const result = await verifyEvidenceEnvelope(await signEvidence(statement, signer), {
        verifier: sloppy,
      });
      expect(result.ok).toBe(false);
    },
  );

  it('reports an input whose getters throw instead of throwing', async () => {
    const hostile = Object.defineProperty({}, 'payloadType', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(await verifyEvidenceEnvelope(hostile, { verifier })).toEqual({
      ok: false,
      problems: ['verification stopped by an unexpected Error'],
    });
  });
});

describe('signEvidence: refusals', () => {
  it('refuses a statement without subjects', async () => {
    const empty: EvidenceStatement = { ...statement, subject: [] };
    await expect(signEvidence(empty, signer)).rejects.toSatisfy(
      (error: unknown) =>
        ConfigurationError.isInstance(error) && error.issues[0]?.path === 'statement.subject',
    );
  });

  it('refuses an empty signer list', async () => {
    await expect(signEvidence(statement, [])).rejects.toThrow(/at least one signer/);
  });

  it('lets a custom signer (a KMS) sign the PAE', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const seen: Uint8Array[] = [];
    const kms: EvidenceSigner = {
      keyId: 'kms-key-1',
      async sign(data) {
        seen.push(data);
        return new Uint8Array(sign(null, data, privateKey));
      },
    };
    const envelope = await signEvidence(statement, kms);
    expect(envelope.signatures[0]?.keyid).toBe('kms-key-1');
    expect(
      new TextDecoder().decode(seen[0]).startsWith('DSSEv1 28 application/vnd.in-toto+json '),
    ).toBe(true);
  });
});
