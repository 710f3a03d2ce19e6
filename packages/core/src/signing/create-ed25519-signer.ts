import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { ConfigurationError } from '../errors/configuration-error';
import { SecretValue } from '../runtime/secrets/secret-value';
import { ed25519KeyId } from './ed25519-key-id';
import type { EvidenceSigner } from './evidence-signer';

/** Options of {@link createEd25519Signer}. */
export interface Ed25519SignerOptions {
  /**
   * The private key as PEM (PKCS#8) text. Pass the `SecretValue` the runtime's secret resolver
   * returns (e.g. for `file:/run/secrets/evidence-signing-key`), so the key is registered with
   * the redactor and never printed.
   */
  privateKey: SecretValue | string;
}

/**
 * Creates a signer for an Ed25519 key, using `node:crypto`. Its `keyId` is the SHA-256 of the
 * public key's SPKI DER, in hex, the same id {@link createEd25519Verifier} computes.
 *
 * @throws ConfigurationError when the text is not a PEM PKCS#8 Ed25519 private key. The error
 * names the secret reference, never the key.
 *
 * @example
 * ```ts
 * const secrets = createSecretResolver({ redactor });
 * const signer = createEd25519Signer({
 *   privateKey: await secrets.resolve('env:EVIDENCE_SIGNING_KEY'),
 * });
 * ```
 */
export function createEd25519Signer(options: Ed25519SignerOptions): EvidenceSigner {
  const source = SecretValue.isInstance(options.privateKey)
    ? options.privateKey.reference
    : '(private key)';
  const text = SecretValue.isInstance(options.privateKey)
    ? options.privateKey.reveal()
    : options.privateKey;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    // The parser's error is dropped on purpose: nothing derived from key material is kept.
    throw keyError(source, 'text that is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw keyError(source, `a ${privateKey.asymmetricKeyType ?? 'non-asymmetric'} private key`);
  }
  const keyId = ed25519KeyId(createPublicKey(privateKey));
  return {
    keyId,
    async sign(data) {
      return new Uint8Array(sign(null, data, privateKey));
    },
  };
}

function keyError(source: string, received: string): ConfigurationError {
  return new ConfigurationError({
    issues: [{ path: source, expected: 'an Ed25519 private key in PEM (PKCS#8) format', received }],
  });
}
