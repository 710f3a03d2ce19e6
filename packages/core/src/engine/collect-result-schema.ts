import { z } from 'zod';
import { factSourceSchema, jsonValueSchema, warningSchema } from '../evidence/evidence-schema';
import {
  FAILED_REASON_CODES,
  PENDING_REASON_CODES,
  UNAVAILABLE_REASON_CODES,
} from '../evidence/fact-reason';
import { lazyShape } from '../evidence/lazy-schema';
import { MEASUREMENT_UNIT_NAMES } from '../evidence/measurement-unit';

// Connectors are third-party code: the engine validates what they return instead of trusting
// the types, so a buggy connector yields `unavailable: connector_error`, never a bad record.
// Built on the first validation (`lazyShape`), not when core is imported.
const observationBase = () => ({
  name: z.string().min(1),
  source: factSourceSchema.optional(),
  detail: z.string().optional(),
});

const observationSchema = () =>
  z.discriminatedUnion('kind', [
    z.object({
      ...observationBase(),
      kind: z.literal('measured'),
      // NaN and ±Infinity pass here on purpose: they become an `invalid_response` fact for that
      // one observation instead of failing the whole result.
      value: z.custom<number>((value) => typeof value === 'number', 'a number'),
      unit: z.enum(MEASUREMENT_UNIT_NAMES),
      display: z.string().optional(),
    }),
    z.object({ ...observationBase(), kind: z.literal('word'), value: z.string().min(1) }),
    z.object({ ...observationBase(), kind: z.literal('empty') }),
    z.object({
      ...observationBase(),
      kind: z.literal('pending'),
      reason: z.enum(PENDING_REASON_CODES),
      message: z.string().min(1),
      value: z.string().optional(),
    }),
    z.object({
      ...observationBase(),
      kind: z.literal('failed'),
      reason: z.enum(FAILED_REASON_CODES.filter((code) => code !== 'threshold_breached')),
      message: z.string().min(1),
      value: z.string(),
    }),
    z.object({
      ...observationBase(),
      kind: z.literal('unavailable'),
      reason: z.enum(UNAVAILABLE_REASON_CODES),
      message: z.string().min(1),
    }),
  ]);

/** The shape `doCollect` and `doIngest` must return. */
export const collectResultSchema = z.object(
  lazyShape({
    observedAt: () => z.date().optional(),
    maxAgeSeconds: () => z.number().int().nonnegative().optional(),
    facts: () => z.array(observationSchema()),
    warnings: () => z.array(warningSchema).optional(),
    providerMetadata: () => z.record(z.string(), jsonValueSchema).optional(),
  }),
);
