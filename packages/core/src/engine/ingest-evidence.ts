import type { ConfiguredConnector } from '../contract/configured-connector';
import { assertSupportedConnector } from '../contract/supported-specification-versions';
import { ConfigurationError } from '../errors/configuration-error';
import type { EvidenceRecord, EvidenceScope } from '../evidence/evidence-schema';
import { produceRecord } from './produce-record';
import { type RuntimeOption, resolveRuntime } from './resolve-runtime';

/** Options of `ingestEvidence`. */
export interface IngestEvidenceOptions {
  /** What the evidence is about. */
  scope: EvidenceScope;
  /** The uploaded payload: parsed JSON, or raw text. */
  payload: unknown;
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
  runtime?: RuntimeOption;
}

/**
 * Normalizes an uploaded payload (a scanner report, a webhook body, a CI run context) into an
 * evidence record through the connector's `doIngest`. A payload the connector cannot read
 * becomes `unavailable` facts whose reason says what is wrong with it.
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
      call: ({ config, signal, runtime }) =>
        ingest({ config, scope: options.scope, payload: options.payload, signal, now, runtime }),
    });
  } finally {
    await close();
  }
}
