import { evidenceRecordSchema, releaseSchema } from '@evidencekit/core';
import { z } from 'zod';

/** Most records one gate request may carry. */
export const MAX_GATE_RECORDS = 1_000;

/**
 * `POST /v1/evidence/collect`: which service, in which environment, optionally for which
 * release. Strict: a request that tries to send connector settings, URLs, credentials or
 * targets is refused, not silently trimmed, so the caller learns the host does not take them.
 */
export const collectRequestSchema = z.strictObject({
  service: z.string().min(1).max(200),
  environment: z.string().min(1).max(100),
  release: releaseSchema.strict().optional(),
});

/** A parsed collect request. */
export type CollectRequest = z.output<typeof collectRequestSchema>;

/**
 * `POST /v1/gate`: the records to decide on. The policy is the server's; a `policy` field is
 * refused.
 */
export const gateRequestSchema = z.strictObject({
  records: z.array(evidenceRecordSchema).min(1).max(MAX_GATE_RECORDS),
});
