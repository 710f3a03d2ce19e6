import {
  type CollectResultV1,
  ConfigurationError,
  type FactObservationV1,
  type IngestOptionsV1,
  type UnavailableReasonCode,
} from '@evidencekit/core/connector';
import { signedPayloadSchema } from './api/signed-payload-schema';
import { evaluateJsonPointer } from './json-pointer';
import { observeJsonValue } from './observe-json-value';
import { verifyWebhookSignature } from './verify-webhook-signature';
import type { WebhookConfig } from './webhook-settings';
import { WebhookSignatureError } from './webhook-signature-error';

/**
 * `doIngest`: verifies a signed webhook payload and maps it to the configured facts. The record
 * holds exactly the mapped facts: all `unavailable: auth` when the signature or timestamp does
 * not verify, all `unavailable: invalid_response` when the envelope or body cannot be read.
 *
 * The mapped facts are in the connector's catalog because its `factsFor` builds the catalog
 * from the same `settings.facts`.
 *
 * @throws ConfigurationError when no secret or no fact mapping is configured.
 */
export async function ingestSignedPayload(
  options: IngestOptionsV1<WebhookConfig>,
): Promise<CollectResultV1> {
  const { config, runtime } = options;
  const mappings = Object.entries(config.facts);
  if (config.secret === undefined) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'settings.secret',
          expected:
            'a secret reference to the signing secret, e.g. "env:EVIDENCEKIT_WEBHOOK_SECRET"; unsigned payloads are never ingested',
        },
      ],
    });
  }
  if (mappings.length === 0) {
    throw new ConfigurationError({
      issues: [{ path: 'settings.facts', expected: 'at least one fact mapped from the payload' }],
    });
  }
  const allMapped = (reason: UnavailableReasonCode, message: string): CollectResultV1 => ({
    facts: mappings.map(([name]) => ({ name, kind: 'unavailable', reason, message })),
  });

  const envelope = signedPayloadSchema.safeParse(options.payload);
  if (!envelope.success) {
    return allMapped(
      'invalid_response',
      'the ingest payload must be { rawBody: string, headers: Record<string, string> }: the raw request body exactly as received and its headers',
    );
  }
  const { rawBody, headers } = envelope.data;
  const secret = await runtime.secrets.resolve(config.secret, { signal: options.signal });
  let signedAt: Date;
  try {
    signedAt = verifyWebhookSignature({
      rawBody,
      headers,
      secret: secret.reveal(),
      signatureHeader: config.signatureHeader,
      timestampHeader: config.timestampHeader,
      toleranceSeconds: config.toleranceSeconds,
      now: options.now(),
    });
  } catch (error) {
    if (!WebhookSignatureError.isInstance(error)) throw error;
    return {
      ...allMapped('auth', error.message),
      providerMetadata: { signatureCheck: error.check },
    };
  }

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return allMapped('invalid_response', 'the signed body is not valid JSON');
  }
  const facts: FactObservationV1[] = mappings.map(([name, mapping]) =>
    observeJsonValue({
      name,
      unit: mapping.unit,
      pointer: mapping.pointer,
      value: evaluateJsonPointer(body, mapping.pointer),
      source: { query: `JSON Pointer ${mapping.pointer} in the signed payload` },
    }),
  );
  // The signed time is the sender's own data time, and it is authenticated.
  return { observedAt: signedAt, facts, providerMetadata: { signedAt: signedAt.toISOString() } };
}
