const encoder = new TextEncoder();

/**
 * The DSSE v1 pre-authentication encoding, the exact bytes a DSSE signature covers:
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, where each LEN is the byte length (not
 * the character count) written in ASCII decimal, and `type` is encoded as UTF-8. Binding the
 * payload type into the signed bytes keeps a signature made for one type from verifying as
 * another.
 *
 * @param payloadType - The envelope's `payloadType`.
 * @param payload - The payload bytes (not their base64).
 */
export function preAuthenticationEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const typeBytes = encoder.encode(payloadType);
  const header = encoder.encode(
    `DSSEv1 ${typeBytes.byteLength} ${payloadType} ${payload.byteLength} `,
  );
  const output = new Uint8Array(header.byteLength + payload.byteLength);
  output.set(header, 0);
  output.set(payload, header.byteLength);
  return output;
}
