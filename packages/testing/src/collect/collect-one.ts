import {
  type AnyConnectorV1,
  type ConfiguredConnector,
  collectEvidence,
  createRuntime,
  type EvidenceRecord,
  type EvidenceTarget,
  evidenceRecordSchema,
  type RuntimeInput,
} from '@evidencekit/core';
import { CONFORMANCE_RUNTIME } from '../conformance/conformance-harness';
import { mockProviderRoutes, type ProviderRouteMap } from '../mocks/provider-routes';
import type { ProviderMockServer } from '../msw/provider-mock-server';
import { createVirtualClock } from '../runtime/virtual-clock';
import { UnexpectedCollectResultError } from './unexpected-collect-result-error';

/** Options of {@link collectOne}. */
export interface CollectOneOptions {
  /** Provider routes to put in front of `server`'s handlers before collecting. */
  mock?: { server: ProviderMockServer; baseUrl: string; routes: ProviderRouteMap };
  /**
   * The runtime: a `Runtime` the test owns (left open), or options for one the engine creates
   * and closes for this call. Default: a runtime like the conformance suite's (no cache,
   * {@link CONFORMANCE_RUNTIME} retries and caps) on a fresh virtual clock, so nothing waits
   * for real; it is closed when the call ends.
   */
  runtime?: RuntimeInput;
  /**
   * The engine clock. Default: the default runtime's virtual clock; with a `runtime` given,
   * the real time.
   */
  now?: () => Date;
  /** Cancels the run. */
  signal?: AbortSignal;
  /** The per-target deadline of `doCollect`, in ms (the engine's default otherwise). */
  timeoutMs?: number;
  /**
   * Check the record against the evidence schema. Default true. Turn it off only for a target
   * whose scope is itself invalid: the engine's record then repeats that scope, and the test
   * is about how the facts explain it.
   */
  validateRecord?: boolean;
}

/**
 * Collects one target and returns its record, after checking that the engine produced
 * exactly one record and that it validates against the evidence schema (so no test asserts on
 * a record a host would refuse). The shared "collect one target" step of connector tests.
 *
 * @throws UnexpectedCollectResultError when there is no record, more than one, or an invalid one.
 *
 * @example
 * ```ts
 * const record = await collectOne(createStatuspage({ pageUrl }), { scope, selector }, {
 *   mock: { server, baseUrl: pageUrl, routes: { 'GET /api/v2/summary.json': { json: summary } } },
 * });
 * expect(record.status).toBe('passed');
 * ```
 */
export async function collectOne<Connector extends AnyConnectorV1>(
  connector: ConfiguredConnector<Connector>,
  target: Omit<EvidenceTarget<Connector>, 'connector'>,
  options: CollectOneOptions = {},
): Promise<EvidenceRecord> {
  if (options.mock !== undefined) {
    options.mock.server.use(...mockProviderRoutes(options.mock.baseUrl, options.mock.routes));
  }
  const owned = options.runtime === undefined ? defaultRuntime() : undefined;
  const runtime = owned?.runtime ?? options.runtime;
  const now = options.now ?? owned?.now;
  try {
    const records = await Array.fromAsync(
      collectEvidence({
        targets: [{ ...target, connector }],
        ...(runtime === undefined ? {} : { runtime }),
        ...(now === undefined ? {} : { now }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      }),
    );
    return onlyValidRecord(records, { validate: options.validateRecord ?? true });
  } finally {
    await owned?.runtime.close();
  }
}

function defaultRuntime() {
  const clock = createVirtualClock({ maxWaitMs: CONFORMANCE_RUNTIME.maxWaitMs });
  const runtime = createRuntime({
    clock,
    cacheStore: false,
    timeoutMs: CONFORMANCE_RUNTIME.attemptTimeoutMs,
    maxResponseBytes: CONFORMANCE_RUNTIME.maxResponseBytes,
    retry: {
      maxRetries: CONFORMANCE_RUNTIME.maxRetries,
      maxRetryAfterMs: CONFORMANCE_RUNTIME.maxWaitMs,
      maxDelayMs: CONFORMANCE_RUNTIME.maxWaitMs,
      random: () => 0.5,
    },
  });
  return { runtime, now: () => new Date(clock.now()) };
}

/** The one record of a one-target run, checked against the evidence schema. */
export function onlyValidRecord(
  records: readonly EvidenceRecord[],
  options: { validate: boolean } = { validate: true },
): EvidenceRecord {
  const [record] = records;
  if (record === undefined || records.length !== 1) {
    throw new UnexpectedCollectResultError(
      `expected one evidence record for one target, got ${records.length}`,
    );
  }
  if (!options.validate) return record;
  const parsed = evidenceRecordSchema.safeParse(record);
  if (!parsed.success) {
    const paths = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new UnexpectedCollectResultError(
      `the record does not validate against the evidence schema: ${paths.join('; ')}`,
    );
  }
  return record;
}
