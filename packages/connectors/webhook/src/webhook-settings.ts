import {
  ALLOWABLE_ADDRESS_CLASSES,
  MEASUREMENT_UNIT_NAMES,
  parseThreshold,
  secretReferenceSchema,
} from '@evidencekit/core/connector';
import { z } from 'zod';
import { isJsonPointer } from './json-pointer';
import { HEALTH_FACT_NAMES } from './webhook-facts';

/** Header sent by default with the signature, `sha256=<hex>`. */
export const DEFAULT_SIGNATURE_HEADER = 'x-evidencekit-signature';
/** Header sent by default with the signing time, in unix seconds. */
export const DEFAULT_TIMESTAMP_HEADER = 'x-evidencekit-timestamp';
/** How far a signed timestamp may be from now, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const factNamePattern = /^[a-z][a-z0-9_]*$/;
// RFC 9110 token characters: what an HTTP field name may contain.
const headerNamePattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const jsonPointerSchema = z
  .string()
  .refine(isJsonPointer, 'a JSON Pointer (RFC 6901) such as "/checks/smoke/failed"');

const headerNameSchema = z
  .string()
  .regex(headerNamePattern, 'an HTTP header name such as "x-evidencekit-signature"');

const factMappingSchema = z
  .strictObject({
    pointer: jsonPointerSchema.describe(
      'Where the value is in the payload, as a JSON Pointer (RFC 6901), e.g. "/tests/failed".',
    ),
    unit: z
      .enum([...MEASUREMENT_UNIT_NAMES, 'word'])
      .describe('The unit of the number at `pointer`, or "word" for a status word.'),
    threshold: z.string().min(1).describe('Default threshold, e.g. "== 0" or "== passed".'),
    action: z.string().min(1).describe('What the operator should do when the fact is not passed.'),
    description: z.string().min(1).optional().describe('What the fact checks, in one sentence.'),
  })
  .strict()
  .superRefine((mapping, context) => {
    let kind: string;
    try {
      kind = parseThreshold(mapping.threshold).type;
    } catch (error) {
      context.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: error instanceof Error ? error.message : 'a threshold that parses',
      });
      return;
    }
    const wantsWords = mapping.unit === 'word';
    if (wantsWords !== (kind !== 'comparison')) {
      context.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: wantsWords
          ? 'a word threshold ("== passed", "in [a, b]") for a "word" fact'
          : `a numeric threshold ("< 5", "<= 500ms") for a fact measured in ${mapping.unit}`,
      });
    }
  });

const healthSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .describe('The health endpoint, e.g. "https://checkout.acme.example/healthz".'),
    token: secretReferenceSchema()
      .optional()
      .describe('Bearer token for the health endpoint, as a secret reference (optional).'),
    statusPointer: jsonPointerSchema
      .optional()
      .describe(
        'Where the status word is in the JSON body, e.g. "/status". Without it the HTTP status class ("2xx") is the status.',
      ),
    allowInsecureHttp: z
      .boolean()
      .default(false)
      .describe('Allow a plain http URL. Default false: https only.'),
    allowAddressClasses: z
      .array(z.enum(ALLOWABLE_ADDRESS_CLASSES))
      .default([])
      .describe(
        'Non-public address classes the endpoint may resolve to. Default none. Cloud metadata, unspecified, multicast and reserved addresses are always refused.',
      ),
    maxRedirects: z
      .int()
      .min(0)
      .max(5)
      .default(2)
      .describe('Same-origin redirects followed. Redirects to another origin are refused.'),
    timeoutMs: z
      .int()
      .positive()
      .optional()
      .describe("Per-attempt deadline; the runtime's default otherwise."),
  })
  .strict();

/**
 * Settings of the webhook connector. Everything is optional, and each part enables one
 * capability: `secret` and `facts` the signed payload ingestion, `health` the health pull;
 * manual evidence needs nothing but its fact names in `facts`.
 */
export const webhookSettingsSchema = z
  .strictObject({
    secret: secretReferenceSchema()
      .optional()
      .describe(
        'The shared HMAC-SHA256 signing secret, as a secret reference. Required to ingest payloads.',
      ),
    signatureHeader: headerNameSchema
      .default(DEFAULT_SIGNATURE_HEADER)
      .describe('Header with the signature, "sha256=<hex>".'),
    timestampHeader: headerNameSchema
      .default(DEFAULT_TIMESTAMP_HEADER)
      .describe('Header with the signing time in unix seconds.'),
    toleranceSeconds: z
      .int()
      .min(1)
      .max(3600)
      .default(DEFAULT_TOLERANCE_SECONDS)
      .describe('How far the signed time may be from now, in seconds (replay protection).'),
    facts: z
      .record(z.string().regex(factNamePattern, 'a snake_case fact name'), factMappingSchema)
      .refine((facts) => Object.keys(facts).every((name) => !HEALTH_FACT_NAMES.includes(name)), {
        message: `fact names other than ${HEALTH_FACT_NAMES.join(' and ')}, which the health pull reports`,
      })
      .default({})
      .describe(
        'The facts the payload carries, by fact name: a JSON Pointer, a unit, a threshold, an action.',
      ),
    health: healthSchema
      .optional()
      .describe('An optional health endpoint to pull, behind an SSRF guard.'),
  })
  .strict();

/** Webhook settings as a host writes them (secrets as references such as `env:WEBHOOK_SECRET`). */
export type WebhookSettings = z.input<typeof webhookSettingsSchema>;

/** Webhook settings after validation and defaults. */
export type WebhookConfig = z.output<typeof webhookSettingsSchema>;

/** How one fact is read from the payload. */
export type WebhookFactMapping = z.output<typeof factMappingSchema>;

/** The validated health-pull settings. */
export type WebhookHealthConfig = z.output<typeof healthSchema>;
