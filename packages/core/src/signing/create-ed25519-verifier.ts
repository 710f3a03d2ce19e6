import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { ConfigurationError } from '../errors/configuration-error';
import { ed25519KeyId } from './ed25519-key-id';
import type { EvidenceVerifier } from './evidence-signer';

/** Options of {@link createEd25519Verifier}. */
export interface Ed25519VerifierOptions {
  /** The trusted public key as PEM (SPKI) text, or several trusted keys. */
  publicKey: string | readonly string[];
}

/**
 * Creates a verifier that trusts the given Ed25519 public keys, using `node:crypto`. A signature
 * whose `keyid` is set is checked only against the key with that id; one without a `keyid` is
 * checked against every trusted key.
 *
 * @throws ConfigurationError when a text is not a PEM SPKI Ed25519 public key, naming its
 * position in the list.
 *
 * @example
 * ```ts
 * const verifier = createEd25519Verifier({ publicKey: await readFile('evidence.pub', 'utf8') });
 * const result = await verifyEvidenceEnvelope(envelope, { verifier });
 * ```
 */
export function createEd25519Verifier(options: Ed25519VerifierOptions): EvidenceVerifier {
  const texts = typeof options.publicKey === 'string' ? [options.publicKey] : options.publicKey;
  if (texts.length === 0) {
    throw new ConfigurationError({
      issues: [
        { path: 'publicKey', expected: 'at least one Ed25519 public key', received: 'none' },
      ],
    });
  }
  const keys = new Map<string, KeyObject>();
  texts.forEach((text, index) => {
    const path = typeof options.publicKey === 'string' ? 'publicKey' : `publicKey[${index}]`;
    // createPublicKey would derive the public half of a private key; refuse it instead, so a
    // private key is never spread to the machines that only verify.
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
      throw publicKeyError(path, 'a private key; give verifiers the public key only');
    }
    let key: KeyObject;
    try {
      key = createPublicKey({ key: text, format: 'pem' });
    } catch {
      throw publicKeyError(path, 'text that is not a PEM public key');
    }
    if (key.type !== 'public') throw publicKeyError(path, `a ${key.type} key`);
    if (key.asymmetricKeyType !== 'ed25519') {
      throw publicKeyError(path, `a ${key.asymmetricKeyType ?? 'non-asymmetric'} public key`);
    }
    keys.set(ed25519KeyId(key), key);
  });
  return {
    keyIds: [...keys.keys()],
    async verify(data, signature, keyId) {
      const candidates = keyId === '' ? [...keys.values()] : [keys.get(keyId)];
      return candidates.some((key) => {
        if (key === undefined) return false;
        try {
          return verify(null, data, key, signature);
        } catch {
          return false;
        }
      });
    },
  };
}

function publicKeyError(path: string, received: string): ConfigurationError {
  return new ConfigurationError({
    issues: [{ path, expected: 'an Ed25519 public key in PEM (SPKI) format', received }],
  });
}
