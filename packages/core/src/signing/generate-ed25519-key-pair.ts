import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SecretValue } from '../runtime/secrets/secret-value';
import { ed25519KeyId } from './ed25519-key-id';

/** A new Ed25519 key pair. */
export interface Ed25519KeyPair {
  /** The public key, PEM (SPKI): give it to verifiers. */
  publicKey: string;
  /** The private key, PEM (PKCS#8), wrapped so it cannot be printed by accident. */
  privateKey: SecretValue;
  /** The key id signers and verifiers compute for this pair. */
  keyId: string;
}

/**
 * Generates an Ed25519 key pair for signing evidence. Store the private key in a secret store
 * and reference it (`env:`, `file:`); publish the public key to whoever verifies.
 *
 * @example
 * ```ts
 * const { publicKey, privateKey, keyId } = generateEd25519KeyPair();
 * await writeFile('evidence.key', privateKey.reveal(), { mode: 0o600 });
 * await writeFile('evidence.pub', publicKey);
 * ```
 */
export function generateEd25519KeyPair(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey,
    privateKey: new SecretValue(privateKey, 'generated:ed25519'),
    keyId: ed25519KeyId(createPublicKey(publicKey)),
  };
}
