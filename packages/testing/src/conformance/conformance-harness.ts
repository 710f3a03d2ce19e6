import {
  type AnyConnectorV1,
  type ConfiguredConnector,
  type ConnectorCheck,
  checkConnector,
  collectEvidence,
  createRuntime,
  type EvidenceRecord,
  type Runtime,
} from '@evidencekit/core';
import type { AnyHandler } from 'msw';
import type { RecordedRequest } from '../mocks/recorded-request';
import type { ProviderMockServer } from '../msw/provider-mock-server';
import {
  type CapturingLogger,
  createCapturingLogger,
  safeStringify,
} from '../runtime/capturing-logger';
import { createVirtualClock, type VirtualClock } from '../runtime/virtual-clock';
import type { ConnectorConformanceOptions } from './conformance-options';

/** The runtime settings every conformance run uses, so expectations can be computed. */
export const CONFORMANCE_RUNTIME = {
  /** Retries after the first attempt. */
  maxRetries: 3,
  /** Longest wait the runtime may take; longer clock sleeps are deadlines (see VirtualClock). */
  maxWaitMs: 10_000,
  /** Per-attempt deadline; above `maxWaitMs`, so the virtual clock can tell it apart. */
  attemptTimeoutMs: 20_000,
  /** Response size cap, small so `oversized-body` stays cheap. */
  maxResponseBytes: 256 * 1024,
} as const;

/** Everything one run under the mocks produced. */
export interface HarnessRun<Result> {
  result: Result | undefined;
  /** What escaped the engine: a conformance failure on its own. */
  thrown: unknown;
  clock: VirtualClock;
  logger: CapturingLogger;
  requests: RecordedRequest[];
  unhandled: string[];
}

/** Runs connectors against a mock server with a virtual clock and a capturing logger. */
export class ConformanceHarness {
  /** Every output of every run, for the secret scan. */
  readonly outputs: string[] = [];
  readonly configured: ConfiguredConnector;
  /** The clock of the run in progress (fault scenarios fire its deadlines). */
  currentClock: VirtualClock = createVirtualClock({ maxWaitMs: CONFORMANCE_RUNTIME.maxWaitMs });

  constructor(
    private readonly options: ConnectorConformanceOptions,
    private readonly server: ProviderMockServer,
    canaryReference: string,
  ) {
    this.configured = options.createConnector(options.settings(canaryReference));
  }

  get connector(): AnyConnectorV1 {
    return this.configured.connector;
  }

  /** Collects the target once with `handlers` in front of nothing else. */
  collect(
    handlers: readonly AnyHandler[],
    options: { signal?: AbortSignal } = {},
  ): Promise<HarnessRun<EvidenceRecord>> {
    return this.run(handlers, async (runtime, clock) => {
      const records: EvidenceRecord[] = [];
      for await (const record of collectEvidence({
        targets: [
          {
            connector: this.configured,
            scope: this.options.target.scope,
            selector: this.options.target.selector,
          },
        ],
        runtime,
        now: () => new Date(clock.now()),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      })) {
        records.push(record);
      }
      if (records.length !== 1) throw new Error(`expected one record, got ${records.length}`);
      return records[0];
    });
  }

  /** Runs `checkConnector` once with `handlers`. */
  check(handlers: readonly AnyHandler[]): Promise<HarnessRun<ConnectorCheck>> {
    return this.run(handlers, (runtime, clock) =>
      checkConnector(this.configured, { runtime, now: () => new Date(clock.now()) }),
    );
  }

  private async run<Result>(
    handlers: readonly AnyHandler[],
    body: (runtime: Runtime, clock: VirtualClock) => Promise<Result | undefined>,
  ): Promise<HarnessRun<Result>> {
    const clock = createVirtualClock({ maxWaitMs: CONFORMANCE_RUNTIME.maxWaitMs });
    this.currentClock = clock;
    const logger = createCapturingLogger();
    const runtime = createRuntime({
      clock,
      logger,
      cacheStore: false,
      timeoutMs: CONFORMANCE_RUNTIME.attemptTimeoutMs,
      maxResponseBytes: CONFORMANCE_RUNTIME.maxResponseBytes,
      retry: {
        maxRetries: CONFORMANCE_RUNTIME.maxRetries,
        maxRetryAfterMs: CONFORMANCE_RUNTIME.maxWaitMs,
        maxDelayMs: CONFORMANCE_RUNTIME.maxWaitMs,
        baseDelayMs: 500,
        random: () => 0.5,
      },
    });
    this.server.resetHandlers(...handlers);
    this.server.clearRecords();
    let result: Result | undefined;
    let thrown: unknown;
    try {
      result = await body(runtime, clock);
    } catch (error) {
      thrown = error;
    } finally {
      await runtime.close().catch(() => {});
    }
    // Let the recorder finish reading request bodies.
    await new Promise((resolve) => setImmediate(resolve));
    const run: HarnessRun<Result> = {
      result,
      thrown,
      clock,
      logger,
      requests: [...this.server.recorder.requests],
      unhandled: [...this.server.unhandledRequests],
    };
    this.outputs.push(safeStringify(result), logger.text());
    if (thrown !== undefined) this.outputs.push(safeStringify(thrown));
    return run;
  }
}
