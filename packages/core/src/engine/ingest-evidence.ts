import type { ConfiguredConnector } from '../contract/configured-connector';
import { assertSupportedConnector } from '../contract/supported-specification-versions';
import { ConfigurationError } from '../errors/configuration-error';
import { InvalidPayloadError } from '../errors/invalid-payload-error';
import type { EvidenceRecord, EvidenceScope } from '../evidence/evidence-schema';
import { parseBoundedJson } from '../json/parse-bounded-json';
import { produceRecord } from './produce-record';
import { type RuntimeInput, resolveRuntime } from './resolve-runtime';

/** Default `maxPayloadBytes`: 50 MiB, the size of a large scanner report. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;

/** Default `maxPayloadDepth`: far deeper than any report or webhook body nests. */
export const DEFAULT_MAX_PAYLOAD_DEPTH = 128;

/** Options of `ingestEvidence`. */
export interface IngestEvidenceOptions {
  /** What the evidence is about. */
  scope: EvidenceScope;
  /**
   * The uploaded payload: a parsed JSON value, or text. Text is parsed as JSON here (a leading
   * byte order mark is dropped) within `maxPayloadBytes` and `maxPayloadDepth`, so the
   * connector receives the parsed value; text that is not JSON reaches it unchanged. Any other
   * value (an object, a `Uint8Array`) is passed on as it is.
   */
  payload: unknown;
  /**
   * Largest text payload, in UTF-8 bytes, checked before it is parsed. Default 52 428 800
   * (50 MiB). A larger one makes every fact `unavailable: invalid_response`.
   */
  maxPayloadBytes?: number;
  /**
   * Deepest nesting of arrays and objects in a text payload, checked by a linear scan before
   * it is parsed. Default 128. A deeper one makes every fact `unavailable: invalid_response`.
   */
  maxPayloadDepth?: number;
  /** Threshold overrides, by fact name. */
  thresholds?: Readonly<Record<string, string | undefined>>;
  /** Overrides the connector's default `freshness.maxAgeSeconds`. */
  maxAgeSeconds?: number;
  /** Deadline in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Cancels the ingestion: the record's facts end as `unavailable: cancelled`. */
  signal?: AbortSignal;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** The runtime (HTTP, secrets, cache, limits); created for this call and closed when absent. */
  runtime?: RuntimeInput;
}

/**
 * Normalizes an uploaded payload (a scanner report, a webhook body, a CI run context) into an
 * evidence record through the connector's `doIngest`. A payload given as JSON text is parsed
 * here, bounded in size and depth, so every connector receives the parsed value; a payload
 * over a limit, or one the connector cannot read, becomes `unavailable` facts whose reason says
 * what is wrong with it.
 *
 * @throws ConfigurationError when the connector cannot ingest at all (it has no `doIngest`).
 */
export async function ingestEvidence(
  configured: ConfiguredConnector,
  options: IngestEvidenceOptions,
): Promise<EvidenceRecord> {
  const connector = assertSupportedConnector(configured.connector);
  const ingest = connector.doIngest?.bind(connector);
  if (ingest === undefined) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'connector',
          expected: `a connector that can ingest payloads; "${connector.metadata.id}" only collects`,
        },
      ],
    });
  }
  const { host, close } = resolveRuntime(options.runtime);
  const now = options.now ?? (() => new Date());
  try {
    return await produceRecord({
      configured,
      scope: options.scope,
      thresholds: options.thresholds,
      maxAgeSeconds: options.maxAgeSeconds,
      host,
      now,
      timeoutMs: options.timeoutMs ?? 30_000,
      signal: options.signal,
      what: `${connector.metadata.id} ingestion`,
      call: async ({ config, signal, runtime }) => {
        const { payload, payloadBytes } = readPayload(options);
        return ingest({
          config,
          scope: options.scope,
          payload,
          ...(payloadBytes === undefined ? {} : { payloadBytes }),
          signal,
          now,
          runtime,
        });
      },
    });
  } finally {
    await close();
  }
}

/**
 * The payload as the connector receives it: JSON text parsed, within the limits. Throws (inside
 * the connector call, so the record says why) when a limit option is not a positive whole number
 * or a text payload breaks a limit.
 */
function readPayload(options: IngestEvidenceOptions): { payload: unknown; payloadBytes?: number } {
  const maxBytes = positiveLimit(
    options.maxPayloadBytes,
    DEFAULT_MAX_PAYLOAD_BYTES,
    'maxPayloadBytes',
  );
  const maxDepth = positiveLimit(
    options.maxPayloadDepth,
    DEFAULT_MAX_PAYLOAD_DEPTH,
    'maxPayloadDepth',
  );
  if (typeof options.payload !== 'string') return { payload: options.payload };
  const read = parseBoundedJson(options.payload, { maxBytes, maxDepth });
  switch (read.kind) {
    case 'json':
      return { payload: read.value, payloadBytes: read.bytes };
    case 'not_json':
      return { payload: read.text, payloadBytes: read.bytes };
    case 'too_large':
      throw new InvalidPayloadError({
        limit: 'maxPayloadBytes',
        message: `the payload is ${read.bytes} bytes, more than the ${maxBytes}-byte limit (maxPayloadBytes); it was not parsed`,
      });
    case 'too_deep':
      throw new InvalidPayloadError({
        limit: 'maxPayloadDepth',
        message: `the payload nests arrays or objects more than ${maxDepth} levels deep (maxPayloadDepth); it was not parsed`,
      });
  }
}

function positiveLimit(value: number | undefined, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (Number.isSafeInteger(value) && value > 0) return value;
  throw new ConfigurationError({
    issues: [{ path, expected: 'a positive whole number', received: String(value) }],
  });
}
