import { z } from 'zod';
import {
  FACT_REASON_CODES,
  FAILED_REASON_CODES,
  type FactReasonCode,
  PENDING_REASON_CODES,
  UNAVAILABLE_REASON_CODES,
} from './fact-reason';
import { FACT_STATUSES } from './fact-status';
import { lazyShape } from './lazy-schema';
import { MEASUREMENT_UNIT_NAMES } from './measurement-unit';

/** The identifier every v1 record carries in `schema`; also the JSON Schema's `$id`. */
export const EVIDENCE_SCHEMA_V1_ID = 'https://evidencekit.dev/schema/evidence-v1.json';

const reasonCodesByStatus: Record<string, readonly FactReasonCode[]> = {
  failed: FAILED_REASON_CODES,
  pending: PENDING_REASON_CODES,
  unavailable: UNAVAILABLE_REASON_CODES,
};

// Fields are built on first use (`lazyShape`): importing core builds only each schema's root.
const isoDateTime = () => z.iso.datetime({ offset: true });

/** The zod schema of `Release`. */
export const releaseSchema = z
  .object(
    lazyShape({
      version: () => z.string().min(1).optional().describe('Release version, e.g. "2.14.0".'),
      commit: () =>
        z
          .string()
          .regex(/^[0-9a-f]{7,64}$/i, 'a hexadecimal commit SHA (7 to 64 characters)')
          .optional()
          .describe('Commit SHA the release was built from.'),
      artifactDigest: () =>
        z
          .string()
          .regex(/^[a-z0-9]+:[0-9a-f]{32,128}$/i, 'a digest like "sha256:<hex>"')
          .optional()
          .describe('Digest of the released artifact, e.g. "sha256:…".'),
    }),
  )
  .describe('The release the evidence is about.');

/** The zod schema of `EvidenceScope`. */
export const scopeSchema = z
  .object(
    lazyShape({
      workspaceId: () => z.string().min(1).describe('The host workspace or tenant.'),
      service: () => z.string().min(1).describe('The service the evidence is about.'),
      environment: () => z.string().min(1).describe('The environment, e.g. "production".'),
      release: () => releaseSchema.optional(),
    }),
  )
  .describe('What the evidence is scoped to.');

/** The zod schema of `Freshness`. */
export const freshnessSchema = z
  .object(
    lazyShape({
      observedAt: () =>
        isoDateTime().describe(
          "When the data was true: the provider's own data time where it gives one, else the fetch time.",
        ),
      maxAgeSeconds: () =>
        z
          .number()
          .int()
          .positive()
          .describe('How long the evidence may be trusted after observedAt.'),
      collectedAt: () => isoDateTime().optional().describe('When Evidencekit fetched the data.'),
    }),
  )
  .describe('When the evidence was observed and how long it stays valid.');

/** The zod schema of `Measurement`. */
export const measurementSchema = z
  .object(
    lazyShape({
      value: () => z.number().describe('The measured number, in `unit`. Never NaN or infinite.'),
      unit: () => z.enum(MEASUREMENT_UNIT_NAMES).describe('The unit of `value`.'),
    }),
  )
  .describe('The measured number behind `value`, for machines.');

/** The zod schema of `FactReason`. */
export const factReasonSchema = z
  .object(
    lazyShape({
      code: () => z.enum(FACT_REASON_CODES as [FactReasonCode, ...FactReasonCode[]]),
      message: () => z.string().min(1).describe('What happened, in words, redacted.'),
    }),
  )
  .describe('Why a fact is not passed. The code is from one closed set.');

/** The zod schema of `FactSource`. */
export const factSourceSchema = z
  .object(
    lazyShape({
      url: () => z.string().optional().describe('The API URL that was read, redacted.'),
      query: () =>
        z.string().optional().describe('The named query and its rendered text, redacted.'),
      link: () =>
        z.string().optional().describe("A link to the provider's own page for this fact."),
    }),
  )
  .describe('Where the fact came from.');

/** The zod schema of `Fact`. */
export const factSchema = z
  .object(
    lazyShape({
      name: () =>
        z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, 'a snake_case fact name')
          .describe('The fact, e.g. "error_rate".'),
      status: () => z.enum(FACT_STATUSES),
      value: () => z.string().optional().describe('The value seen, for people, e.g. "0.02%".'),
      threshold: () => z.string().optional().describe('The threshold applied, e.g. "< 1%".'),
      measurement: () => measurementSchema.optional(),
      reason: () => factReasonSchema.optional(),
      action: () =>
        z.string().optional().describe('What the operator should do when this is not passed.'),
      source: () => factSourceSchema.optional(),
    }),
  )
  .superRefine((fact, context) => {
    if (fact.status === 'passed') {
      if (fact.reason !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'a passed fact has no reason',
        });
      }
      return;
    }
    if (fact.reason === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a ${fact.status} fact must carry a reason`,
      });
      return;
    }
    const allowed = reasonCodesByStatus[fact.status] ?? [];
    if (!allowed.includes(fact.reason.code)) {
      context.addIssue({
        code: 'custom',
        path: ['reason', 'code'],
        message: `reason "${fact.reason.code}" does not explain a ${fact.status} fact; expected one of ${allowed.join(', ')}`,
      });
    }
  })
  .describe('One checked fact.');

/** The zod schema of `EvidenceWarning`. */
export const warningSchema = z
  .object(
    lazyShape({
      code: () => z.string().min(1).describe('Machine-readable, e.g. "credential_too_broad".'),
      message: () => z.string().min(1),
    }),
  )
  .describe('Something the operator should know that is not a fact.');

/** The zod schema of `JsonValue`. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

/** Any value JSON can hold. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** The zod schema of `EvidenceRecord`, the source of the published JSON Schema. */
export const evidenceRecordSchema = z
  .object(
    lazyShape({
      schema: () =>
        z
          .literal(EVIDENCE_SCHEMA_V1_ID)
          .optional()
          .describe('The evidence schema this record follows; absent means v1.'),
      connector: () => z.string().min(1).describe('The connector id, e.g. "prometheus".'),
      scope: () => scopeSchema,
      freshness: () => freshnessSchema,
      facts: () => z.array(factSchema),
      status: () =>
        z
          .enum(FACT_STATUSES)
          .optional()
          .describe('The roll-up of the facts, worst first: failed, unavailable, pending, passed.'),
      warnings: () => z.array(warningSchema).optional(),
      providerMetadata: () =>
        z
          .record(z.string(), z.record(z.string(), jsonValueSchema))
          .optional()
          .describe('Raw provider details keyed by provider id; an escape hatch, not a contract.'),
    }),
  )
  .describe('Evidence from one connector for one scope.');

/** The release the evidence is about: version, commit, artifact digest. */
export type Release = z.infer<typeof releaseSchema>;
/** What the evidence is scoped to: workspace, service, environment, release. */
export type EvidenceScope = z.infer<typeof scopeSchema>;
/** When the evidence was observed and how long it stays valid. */
export type Freshness = z.infer<typeof freshnessSchema>;
/** The measured number behind a fact's `value`, with its unit. */
export type Measurement = z.infer<typeof measurementSchema>;
/** Why a fact is not passed: a code from the closed set, and a message. */
export type FactReason = z.infer<typeof factReasonSchema>;
/** Where a fact came from: the API URL, the query, a link. */
export type FactSource = z.infer<typeof factSourceSchema>;
/** One checked fact and its status. */
export type Fact = z.infer<typeof factSchema>;
/** Something the operator should know that is not a fact. */
export type EvidenceWarning = z.infer<typeof warningSchema>;
/** One evidence record, as produced by the engine (roll-up status always set). */
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;
