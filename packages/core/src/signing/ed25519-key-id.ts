import { createHash, type KeyObject } from 'node:crypto';

/** The key id of a public key: the SHA-256 of its SubjectPublicKeyInfo DER, lowercase hex. */
export function ed25519KeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
