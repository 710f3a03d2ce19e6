import { z } from 'zod';

const requiredText = (what: string) =>
  z
    .string({ error: `${what} (a non-empty string)` })
    .trim()
    .min(1, `${what} (a non-empty string)`);

const manualFactSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case fact name from the catalog'),
    value: z
      .union([z.string().min(1), z.number()])
      .optional()
      .describe('The value the operator observed: a number in the fact unit, or a word.'),
    status: z
      .literal('failed')
      .optional()
      .describe(
        'Records the fact as failed outright. An operator can never record "passed": a value is judged by the threshold.',
      ),
    reason: requiredText('a reason: why this evidence is recorded by hand'),
    actor: requiredText('an actor: who recorded it'),
    expiresAt: z.iso
      .datetime({
        offset: true,
        error: 'an expiry as an ISO 8601 time with offset, e.g. "2026-12-01T00:00:00Z"',
      })
      .describe(
        'When the manual evidence stops counting; after it, the fact is unavailable: stale.',
      ),
  })
  .strict()
  .refine((fact) => fact.value !== undefined || fact.status === 'failed', {
    message: 'a value, or status "failed"',
    path: ['value'],
  });

/**
 * The connector-specific part of a target: `{ mode: 'health' }` pulls the configured health
 * endpoint; `{ mode: 'manual', facts }` records operator-provided evidence. Signed payloads go
 * through `ingestEvidence` instead.
 */
export const webhookSelectorSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('health') }).strict(),
  z
    .strictObject({
      mode: z.literal('manual'),
      facts: z.array(manualFactSchema).min(1, 'at least one manual fact'),
    })
    .strict(),
]);

/** A webhook target selector as a host writes it. */
export type WebhookSelector = z.input<typeof webhookSelectorSchema>;

/** A webhook target selector after validation. */
export type ParsedWebhookSelector = z.output<typeof webhookSelectorSchema>;

/** @deprecated Renamed to {@link ParsedWebhookSelector}. */
export type WebhookSelectorValue = ParsedWebhookSelector;

/** One operator-provided fact, validated. */
export type ManualFact = z.output<typeof manualFactSchema>;
