import type { ConfiguredConnector } from '../contract/configured-connector';
import type { AnyConnectorV1, CollectResultV1 } from '../contract/v1/connector-v1';
import { ConfigurationError } from '../errors/configuration-error';
import { configurationErrorFromZod } from '../errors/configuration-error-from-zod';
import type { EvidenceRecord, EvidenceScope } from '../evidence/evidence-schema';
import type { ConnectorRuntime } from '../runtime/connector-runtime';
import type { Runtime } from '../runtime/create-runtime';
import { buildEvidenceRecord, buildFailedRecord } from './build-evidence-record';
import { checkThresholdOverrides } from './check-threshold-overrides';
import { collectResultSchema } from './collect-result-schema';
import { describeInvalidResult } from './describe-invalid-result';
import { describeNonJson } from './describe-non-json';
import { errorToReason } from './error-to-reason';
import { type CatalogCache, resolveFactCatalog } from './fact-catalog-of';
import { runConnectorCall } from './run-connector-call';
import { type SettingsCache, validateSettings } from './validate-settings';

/** Everything needed to turn one connector call into one evidence record. */
export interface ProduceRecordOptions {
  configured: ConfiguredConnector;
  scope: EvidenceScope;
  thresholds: Readonly<Record<string, string | undefined>> | undefined;
  maxAgeSeconds: number | undefined;
  host: Runtime;
  now: () => Date;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  settingsCache?: SettingsCache;
  catalogCache?: CatalogCache;
  /** What the call is, for deadline messages, e.g. "prometheus collection". */
  what: string;
  /** Calls the connector method with validated settings; may throw. */
  call: (options: {
    config: unknown;
    signal: AbortSignal;
    runtime: ConnectorRuntime;
  }) => Promise<CollectResultV1>;
}

/**
 * Runs one connector call and always returns a record: validated settings, a deadline, the
 * connector's result checked against the contract, thrown errors mapped to typed reasons.
 */
export async function produceRecord(options: ProduceRecordOptions): Promise<EvidenceRecord> {
  const connector: AnyConnectorV1 = options.configured.connector;
  const context = {
    connector,
    // Until the configured catalog is known (settings valid, `factsFor` sound), a failed
    // record lists the static catalog.
    catalog: connector.metadata.facts,
    scope: options.scope,
    thresholds: options.thresholds,
    // An invalid override fails the target below; its record keeps the connector's default age.
    maxAgeSeconds: isPositiveWholeNumber(options.maxAgeSeconds) ? options.maxAgeSeconds : undefined,
    collectedAt: options.now(),
    redactor: options.host.redactor,
  };
  try {
    if (options.maxAgeSeconds !== undefined && !isPositiveWholeNumber(options.maxAgeSeconds)) {
      throw new ConfigurationError({
        issues: [{ path: 'maxAgeSeconds', expected: 'a positive whole number of seconds' }],
      });
    }
    const config = validateSettings(options.configured, options.settingsCache);
    context.catalog = resolveFactCatalog(options.configured, config, options.catalogCache);
    const unknownOverrides = checkThresholdOverrides(
      connector.metadata.id,
      context.catalog,
      options.thresholds,
    );
    if (unknownOverrides.length > 0) throw new ConfigurationError({ issues: unknownOverrides });
    const result = await runConnectorCall(
      (signal) =>
        options.call({ config, signal, runtime: bindRuntime(options.host, connector, signal) }),
      { timeoutMs: options.timeoutMs, signal: options.signal, what: options.what },
    );
    // Checked before the schema: a cycle or a hostile depth in provider metadata would
    // otherwise reach the schema's recursion, or every report writer's JSON.stringify.
    const providerMetadata = (result as { providerMetadata?: unknown } | undefined)
      ?.providerMetadata;
    const nonJson =
      providerMetadata === undefined
        ? undefined
        : describeNonJson(providerMetadata, 'providerMetadata');
    if (nonJson !== undefined) {
      return buildFailedRecord(context, {
        code: 'connector_error',
        message: `the connector returned an invalid result: ${nonJson}`,
      });
    }
    const validated = collectResultSchema.safeParse(result);
    if (!validated.success) {
      return buildFailedRecord(context, {
        code: 'connector_error',
        message: describeInvalidResult('result', validated.error),
      });
    }
    return buildEvidenceRecord(context, validated.data);
  } catch (error) {
    if (options.signal?.aborted) {
      return buildFailedRecord(context, {
        code: 'cancelled',
        message: 'collection was cancelled before this target finished',
      });
    }
    return buildFailedRecord(context, errorToReason(error, options.host.redactor));
  }
}

/** Gives a connector call its own runtime view: its id for events, its abort signal. */
export function bindRuntime(
  host: Runtime,
  connector: AnyConnectorV1,
  signal: AbortSignal,
  options: { failFastOnRateLimit?: boolean } = {},
): ConnectorRuntime {
  const packageInfo = connector.metadata.package;
  return host.bind({
    connectorId: connector.metadata.id,
    packageName: packageInfo?.name ?? connector.metadata.id,
    packageVersion: packageInfo?.version ?? 'unknown',
    signal,
    ...options,
  });
}

/** Parses a target selector, naming the bad field under `selector`. */
export function parseSelector(connector: AnyConnectorV1, selector: unknown): unknown {
  const parsed = connector.selectorSchema.safeParse(selector);
  if (!parsed.success)
    throw configurationErrorFromZod(parsed.error, 'selector', connector.selectorSchema);
  return parsed.data;
}

function isPositiveWholeNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value > 0;
}
