import { z } from 'zod';

// A sample is `[<unix seconds as float>, "<value as string>"]`; the value is a string because
// it can be "NaN", "+Inf" or "-Inf".
const sampleSchema = z.tuple([z.number(), z.string()]);
const labelsSchema = z.record(z.string(), z.string());

const vectorSchema = z.object({
  resultType: z.literal('vector'),
  result: z.array(
    z.object({
      metric: labelsSchema.nullish(),
      // Absent for native histogram samples, which carry `histogram` instead.
      value: sampleSchema.nullish(),
    }),
  ),
});

const matrixSchema = z.object({
  resultType: z.literal('matrix'),
  result: z.array(
    z.object({
      metric: labelsSchema.nullish(),
      // Absent for native histogram series, which carry `histograms` instead.
      values: z.array(sampleSchema).nullish(),
    }),
  ),
});

const scalarSchema = z.object({ resultType: z.literal('scalar'), result: sampleSchema });
const stringSchema = z.object({ resultType: z.literal('string'), result: sampleSchema });

/** The `data` of a successful query: one of the four PromQL result types. */
export const queryDataSchema = z.discriminatedUnion('resultType', [
  vectorSchema,
  matrixSchema,
  scalarSchema,
  stringSchema,
]);

/** See {@link queryDataSchema}. */
export type QueryData = z.infer<typeof queryDataSchema>;

const notesSchema = z.array(z.string()).nullish();

/**
 * The envelope of `/api/v1/query` and `/api/v1/query_range`. Only the fields read are
 * declared; an error envelope may arrive with HTTP 200 from some proxies, so it is part of the
 * schema rather than a parse failure.
 */
export const queryResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: queryDataSchema,
    warnings: notesSchema,
    infos: notesSchema,
  }),
  z.object({
    status: z.literal('error'),
    errorType: z.string().nullish(),
    error: z.string().nullish(),
    warnings: notesSchema,
  }),
]);

/** See {@link queryResponseSchema}. */
export type QueryResponse = z.infer<typeof queryResponseSchema>;
