const standardAlphabet = /^[A-Za-z0-9+/]*$/;
const urlSafeAlphabet = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes standard or URL-safe base64 (DSSE accepts both), with or without padding. Returns
 * `undefined` for anything else instead of decoding what it can, as `Buffer.from` would: a
 * verifier must not sign off on bytes it guessed.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const unpadded = text.replace(/={1,2}$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  if (text.length !== unpadded.length && text.length % 4 !== 0) return undefined;
  const isStandard = standardAlphabet.test(unpadded);
  if (!isStandard && !urlSafeAlphabet.test(unpadded)) return undefined;
  const bytes = Buffer.from(unpadded, isStandard ? 'base64' : 'base64url');
  // Leftover bits that are not zero mean the text is not what any encoder writes.
  if (bytes.toString(isStandard ? 'base64' : 'base64url').replace(/=+$/, '') !== unpadded) {
    return undefined;
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
