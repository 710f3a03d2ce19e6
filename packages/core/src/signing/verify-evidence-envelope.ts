import type { z } from 'zod';
import { decodeBase64 } from './decode-base64';
import { IN_TOTO_PAYLOAD_TYPE } from './dsse-envelope';
import type { EvidenceVerifier } from './evidence-signer';
import {
  type EvidenceStatement,
  RELEASE_EVIDENCE_PREDICATE_TYPE,
  type ReleaseEvidencePredicate,
} from './evidence-statement';
import { parseDigest } from './parse-digest';
import { preAuthenticationEncoding } from './pre-authentication-encoding';
import {
  inTotoStatementSchema,
  releaseEvidencePredicateSchema,
} from './release-evidence-predicate-schema';

/** Options of {@link verifyEvidenceEnvelope}. */
export interface VerifyEvidenceEnvelopeOptions {
  /** Checks signatures against the trusted keys. */
  verifier: EvidenceVerifier;
  /** When given (`sha256:<hex>`), some subject must carry exactly this digest. */
  expectedDigest?: string;
  /** Predicate types to accept; defaults to the release-evidence type only. */
  predicateTypes?: readonly string[];
}

/** What {@link verifyEvidenceEnvelope} found. */
export type EvidenceVerificationResult =
  | {
      ok: true;
      /** The statement, read from exactly the bytes the signature covers. */
      statement: EvidenceStatement;
      /** The `keyid`s of the signatures that verified (`''` for a signature without one). */
      verifiedKeyIds: string[];
    }
  | {
      ok: false;
      /** Every problem found, in words, e.g. `signature 0 does not verify for keyid 3f…`. */
      problems: string[];
    };

/** Statement issues listed before the rest are summed up, so a broken file stays readable. */
const MAXIMUM_LISTED_ISSUES = 10;

/**
 * Verifies a DSSE envelope of release evidence and returns the statement it carries. In order:
 * the envelope's shape, its `payloadType`, the base64 of payload and signatures, at least one
 * signature by a trusted key over `PAE(payloadType, payload)`, and only then the statement
 * itself (in-toto Statement v1, a known predicate type, valid records) and, when asked, that a
 * subject carries `expectedDigest`. The statement is parsed from the very bytes that were
 * verified; nothing else in the envelope is trusted.
 *
 * Never throws for bad input: every problem is a sentence in `problems`.
 *
 * @param envelope - The envelope as parsed JSON, or its JSON text.
 *
 * @example
 * ```ts
 * const result = await verifyEvidenceEnvelope(await readFile('evidence.intoto.json', 'utf8'), {
 *   verifier: createEd25519Verifier({ publicKey }),
 *   expectedDigest: 'sha256:9f86d08…',
 * });
 * if (!result.ok) throw new Error(result.problems.join('\n'));
 * ```
 */
export async function verifyEvidenceEnvelope(
  envelope: unknown,
  options: VerifyEvidenceEnvelopeOptions,
): Promise<EvidenceVerificationResult> {
  try {
    return await verify(envelope, options);
  } catch (error) {
    // A verifier or a getter on the input threw: report it, never pass.
    const name = error instanceof Error ? error.name : typeof error;
    return { ok: false, problems: [`verification stopped by an unexpected ${name}`] };
  }
}

async function verify(
  input: unknown,
  options: VerifyEvidenceEnvelopeOptions,
): Promise<EvidenceVerificationResult> {
  const envelope = readEnvelope(input);
  if (!envelope.ok) return envelope;
  const { payloadType, payload, signatures } = envelope;

  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return fail(
      `wrong payloadType: expected "${IN_TOTO_PAYLOAD_TYPE}", received ${JSON.stringify(payloadType)}`,
    );
  }
  const payloadBytes = decodeBase64(payload);
  if (payloadBytes === undefined) return fail('envelope.payload is not valid base64');

  const signed = preAuthenticationEncoding(payloadType, payloadBytes);
  const problems: string[] = [];
  const verifiedKeyIds: string[] = [];
  const trusted = options.verifier.keyIds;
  for (const [index, signature] of signatures.entries()) {
    const keyid = signature.keyid;
    const label = keyid === '' ? `signature ${index} (no keyid)` : `signature ${index}`;
    const signatureBytes = decodeBase64(signature.sig);
    if (signatureBytes === undefined) {
      problems.push(`envelope.signatures[${index}].sig is not valid base64`);
      continue;
    }
    if (trusted !== undefined && keyid !== '' && !trusted.includes(keyid)) {
      problems.push(`${label} is from keyid ${keyid}, which is not a trusted key`);
      continue;
    }
    let valid: boolean;
    try {
      // Only a literal true verifies: a custom verifier resolving to 1 or "false" does not.
      valid = (await options.verifier.verify(signed, signatureBytes, keyid)) === true;
    } catch {
      valid = false;
    }
    if (valid) verifiedKeyIds.push(keyid);
    else problems.push(`${label} does not verify for keyid ${keyid === '' ? '(none)' : keyid}`);
  }
  if (verifiedKeyIds.length === 0) {
    const present = signatures.map((signature) => signature.keyid || '(none)').join(', ');
    const trustedText = trusted === undefined ? '' : `; trusted: ${trusted.join(', ') || '(none)'}`;
    problems.push(`no signature from a trusted key (envelope keyids: ${present}${trustedText})`);
    return { ok: false, problems };
  }

  return readStatement(payloadBytes, verifiedKeyIds, options);
}

type EnvelopeReading =
  | {
      ok: true;
      payloadType: string;
      payload: string;
      signatures: Array<{ keyid: string; sig: string }>;
    }
  | { ok: false; problems: string[] };

function readEnvelope(input: unknown): EnvelopeReading {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return fail('malformed envelope: the text is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('malformed envelope: expected a JSON object with payloadType, payload, signatures');
  }
  const fields = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof fields.payloadType !== 'string' || fields.payloadType === '') {
    problems.push('malformed envelope: envelope.payloadType must be a non-empty string');
  }
  if (typeof fields.payload !== 'string') {
    problems.push('malformed envelope: envelope.payload must be a base64 string');
  }
  const signatures: Array<{ keyid: string; sig: string }> = [];
  if (!Array.isArray(fields.signatures) || fields.signatures.length === 0) {
    problems.push('malformed envelope: envelope.signatures must be a non-empty array');
  } else {
    for (const [index, item] of (fields.signatures as unknown[]).entries()) {
      const signature =
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
      if (signature === undefined) {
        problems.push(`malformed envelope: envelope.signatures[${index}] must be an object`);
        continue;
      }
      const { keyid, sig } = signature;
      if (typeof sig !== 'string' || sig === '') {
        problems.push(
          `malformed envelope: envelope.signatures[${index}].sig must be a non-empty base64 string`,
        );
      }
      if (keyid !== undefined && typeof keyid !== 'string') {
        problems.push(`malformed envelope: envelope.signatures[${index}].keyid must be a string`);
      }
      if (typeof sig === 'string' && (keyid === undefined || typeof keyid === 'string')) {
        signatures.push({ keyid: keyid ?? '', sig });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    payloadType: fields.payloadType as string,
    payload: fields.payload as string,
    signatures,
  };
}

function readStatement(
  payloadBytes: Uint8Array,
  verifiedKeyIds: string[],
  options: VerifyEvidenceEnvelopeOptions,
): EvidenceVerificationResult {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    return fail('statement malformed: the payload is not UTF-8 JSON');
  }
  const layer = inTotoStatementSchema.safeParse(json);
  if (!layer.success) return { ok: false, problems: describeIssues(layer.error, '') };
  const statement = layer.data;

  const accepted = options.predicateTypes ?? [RELEASE_EVIDENCE_PREDICATE_TYPE];
  if (!accepted.includes(statement.predicateType)) {
    return fail(
      `unknown predicate type ${JSON.stringify(statement.predicateType)}; expected ${accepted.map((type) => JSON.stringify(type)).join(' or ')}`,
    );
  }
  const predicate = releaseEvidencePredicateSchema.safeParse(statement.predicate);
  if (!predicate.success)
    return { ok: false, problems: describeIssues(predicate.error, 'predicate') };

  const subject = statement.subject.map((item) => ({
    name: item.name ?? '_',
    digest: item.digest,
  }));
  if (options.expectedDigest !== undefined) {
    const expected = parseDigest(options.expectedDigest);
    if (expected === undefined) {
      return fail(
        `expectedDigest ${JSON.stringify(options.expectedDigest)} is not a digest like "sha256:<hex>"`,
      );
    }
    const matches = subject.some(
      (item) => item.digest[expected.algorithm]?.toLowerCase() === expected.hex,
    );
    if (!matches) {
      const listed = subject
        .map(
          (item) =>
            `${item.name} (${Object.entries(item.digest)
              .map(([algorithm, hex]) => `${algorithm}:${hex}`)
              .join(', ')})`,
        )
        .join('; ');
      return fail(
        `subject digest does not match: no subject has ${expected.algorithm}:${expected.hex}; the statement's subjects are ${listed}`,
      );
    }
  }

  // zod types optional fields as `T | undefined`; the shape itself was just validated.
  const evidence = predicate.data as ReleaseEvidencePredicate;
  return {
    ok: true,
    verifiedKeyIds,
    statement: {
      _type: statement._type,
      subject,
      predicateType: statement.predicateType,
      predicate: evidence,
    },
  };
}

function describeIssues(error: z.ZodError, prefix: string): string[] {
  const lines = error.issues.slice(0, MAXIMUM_LISTED_ISSUES).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return `statement malformed: ${path === '' ? '(root)' : path}: ${issue.message}`;
  });
  const more = error.issues.length - MAXIMUM_LISTED_ISSUES;
  if (more > 0) lines.push(`statement malformed: ${more} more problems not listed`);
  return lines;
}

function fail(problem: string): { ok: false; problems: string[] } {
  return { ok: false, problems: [problem] };
}
