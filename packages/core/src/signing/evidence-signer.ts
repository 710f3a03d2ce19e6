/**
 * Signs bytes with one key. Implement it to sign with a KMS, an HSM or a signing service; the
 * built-in one is {@link createEd25519Signer}.
 */
export interface EvidenceSigner {
  /** Names the key; written to the envelope's `keyid` so verifiers can pick the right key. */
  readonly keyId: string;
  /** Signs `data` (the DSSE pre-authentication encoding) and returns the raw signature. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Checks signatures against the keys it trusts. The built-in one is {@link createEd25519Verifier}. */
export interface EvidenceVerifier {
  /**
   * The key ids this verifier trusts. When given, a signature whose `keyid` is set to another id
   * is reported as coming from an untrusted key without being checked.
   */
  readonly keyIds?: readonly string[];
  /**
   * Resolves `true` only when `signature` is a valid signature of `data` by a trusted key.
   * `keyId` is the envelope's unauthenticated hint, possibly empty. Should not throw; a throw
   * counts as `false`.
   */
  verify(data: Uint8Array, signature: Uint8Array, keyId: string): Promise<boolean>;
}
