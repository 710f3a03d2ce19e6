import { z } from 'zod';

/**
 * What `ingestEvidence` takes for this connector: the request body exactly as received (the
 * signature covers these bytes, so never a re-serialized object) and the request headers.
 */
export const signedPayloadSchema = z.object({
  rawBody: z.string(),
  headers: z.record(z.string(), z.string()),
});

/** The ingest payload: `{ rawBody, headers }` of the webhook request. */
export type WebhookIngestPayload = z.infer<typeof signedPayloadSchema>;
