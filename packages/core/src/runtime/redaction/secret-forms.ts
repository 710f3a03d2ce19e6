/**
 * The ways a secret shows up in transit: as itself, percent-encoded in a URL or form body,
 * and base64-encoded (standard and URL-safe, with and without padding). Base64 of a secret
 * embedded in a larger encoded blob (a Basic credential) is found by decoding instead; see the
 * redactor.
 *
 * @param value - The secret as resolved.
 * @returns Distinct forms, longest first.
 */
export function encodedFormsOfSecret(value: string): string[] {
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  const base64Unpadded = base64.replace(/=+$/, '');
  const base64Url = base64Unpadded.replace(/\+/g, '-').replace(/\//g, '_');
  const forms = new Set<string>([
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    base64,
    base64Unpadded,
    base64Url,
  ]);
  return [...forms].sort((left, right) => right.length - left.length);
}
