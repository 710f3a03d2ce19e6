import { z } from 'zod';
import { evidenceRecordSchema, factReasonSchema } from '../evidence/evidence-schema';
import { FACT_STATUSES } from '../evidence/fact-status';
import { lazySchema, lazyShape } from '../evidence/lazy-schema';
import { IN_TOTO_STATEMENT_TYPE } from './evidence-statement';

// Built on first use (`lazyShape`, `lazySchema`): only a verifier needs these, and importing
// core builds only each schema's root.
const gateFindingSchema = lazySchema(() =>
  z.object({
    workspaceId: z.string().optional(),
    service: z.string().optional(),
    environment: z.string().optional(),
    connector: z.string().optional(),
    fact: z.string().optional(),
    status: z.enum(FACT_STATUSES),
    value: z.string().optional(),
    threshold: z.string().optional(),
    reason: factReasonSchema.optional(),
    action: z.string().optional(),
    observedAt: z.string().optional(),
    key: z.boolean(),
  }),
);

const gateDecisionSchema = () =>
  z.object({
    decision: z.enum(['pass', 'fail', 'hold']),
    evaluatedAt: z.string(),
    blocking: z.array(gateFindingSchema()),
    facts: z.array(gateFindingSchema()),
    keyFacts: z.array(gateFindingSchema()),
    advisory: z.array(gateFindingSchema()),
    ignored: z.array(gateFindingSchema()),
    score: z.number().min(0).max(1).optional(),
    summary: z.string(),
  });

/** The predicate of a release-evidence attestation, as read back by a verifier. */
export const releaseEvidencePredicateSchema = z.object(
  lazyShape({
    records: () => z.array(evidenceRecordSchema),
    decision: () => gateDecisionSchema().nullable(),
    generatedAt: () => z.iso.datetime({ offset: true }).optional(),
  }),
);

/** The in-toto Statement v1 layer, with the predicate left for its own schema. */
export const inTotoStatementSchema = z.object(
  lazyShape({
    _type: () => z.literal(IN_TOTO_STATEMENT_TYPE),
    subject: () =>
      z
        .array(
          z.object({
            name: z.string().optional(),
            digest: z
              .record(z.string().min(1), z.string().min(1))
              .refine((digest) => Object.keys(digest).length > 0, 'at least one digest'),
          }),
        )
        .min(1),
    predicateType: () => z.string().min(1),
    predicate: () => z.record(z.string(), z.unknown()),
  }),
);
