import { ConfigurationError } from '../errors/configuration-error';
import { encodeBase64 } from './decode-base64';
import { type DsseEnvelope, IN_TOTO_PAYLOAD_TYPE } from './dsse-envelope';
import type { EvidenceSigner } from './evidence-signer';
import type { EvidenceStatement } from './evidence-statement';
import { preAuthenticationEncoding } from './pre-authentication-encoding';

/**
 * Signs a statement into a DSSE envelope: the payload is the statement's JSON (UTF-8), and each
 * signer signs `PAE("application/vnd.in-toto+json", payload)`. Pass several signers to add
 * several signatures over the same bytes.
 *
 * @throws ConfigurationError when the statement has no subject with a digest, or no signer is
 * given. A signer's own error passes through unchanged.
 *
 * @example
 * ```ts
 * const envelope = await signEvidence(createEvidenceStatement({ records, decision }), signer);
 * await writeFile('evidence.intoto.json', JSON.stringify(envelope));
 * ```
 */
export async function signEvidence(
  statement: EvidenceStatement,
  signer: EvidenceSigner | readonly EvidenceSigner[],
): Promise<DsseEnvelope> {
  const signers: readonly EvidenceSigner[] = isSignerList(signer) ? signer : [signer];
  if (signers.length === 0) {
    throw new ConfigurationError({
      issues: [{ path: 'signer', expected: 'at least one signer', received: 'none' }],
    });
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  const undigested = subjects.findIndex(
    (subject) => typeof subject.digest !== 'object' || Object.keys(subject.digest).length === 0,
  );
  if (subjects.length === 0 || undigested !== -1) {
    throw new ConfigurationError({
      issues: [
        {
          path:
            subjects.length === 0 ? 'statement.subject' : `statement.subject[${undigested}].digest`,
          expected: 'at least one subject, each with a digest (from scope.release.artifactDigest)',
          received: subjects.length === 0 ? 'no subjects' : 'a subject without a digest',
        },
      ],
    });
  }
  const payload = new TextEncoder().encode(JSON.stringify(statement));
  const signedBytes = preAuthenticationEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
  const signatures = [];
  for (const each of signers) {
    signatures.push({ keyid: each.keyId, sig: encodeBase64(await each.sign(signedBytes)) });
  }
  return { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: encodeBase64(payload), signatures };
}

function isSignerList(
  signer: EvidenceSigner | readonly EvidenceSigner[],
): signer is readonly EvidenceSigner[] {
  return Array.isArray(signer);
}
