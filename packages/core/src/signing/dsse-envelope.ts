import { z } from 'zod';
import { lazyShape } from '../evidence/lazy-schema';

/** The DSSE payload type of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** One signature in a DSSE envelope. */
export interface DsseSignature {
  /** A hint at the key that made the signature; not authenticated. Empty when unknown. */
  keyid: string;
  /** The signature over the pre-authentication encoding, base64. */
  sig: string;
}

/** A DSSE v1 envelope (JSON form). */
export interface DsseEnvelope {
  /** What the payload is; for evidence `application/vnd.in-toto+json`. */
  payloadType: string;
  /** The serialized payload, base64. */
  payload: string;
  /** At least one signature over `PAE(payloadType, payload bytes)`. */
  signatures: DsseSignature[];
}

/** The JSON shape of a DSSE envelope, for hosts that store or check envelopes themselves. */
export const dsseEnvelopeSchema = z
  .object(
    // Built on first use: importing core builds only the schema's root.
    lazyShape({
      payloadType: () => z.string().min(1).describe('What the payload is.'),
      payload: () => z.string().describe('The serialized payload, base64.'),
      signatures: () =>
        z
          .array(
            z.object({
              keyid: z
                .string()
                .optional()
                .describe('A hint at the signing key; not authenticated.'),
              sig: z.string().min(1).describe('The signature, base64.'),
            }),
          )
          .min(1)
          .describe('At least one signature over PAE(payloadType, payload).'),
    }),
  )
  .describe('A DSSE v1 envelope.');
