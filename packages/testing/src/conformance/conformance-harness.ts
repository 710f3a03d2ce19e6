import {
  type AnyConnectorV1,
  type ConfiguredConnector,
  type ConnectorCheck,
  checkConnector,
  collectEvidence,
  createRuntime,
  type EvidenceRecord,
  type Logger,
  type Runtime,
} from '@evidencekit/core';
import { type AnyHandler, HttpResponse, http } from 'msw';
import type { RecordedRequest } from '../mocks/recorded-request';
import type { ProviderMockServer } from '../msw/provider-mock-server';
import { type CapturingLogger, createCapturingLogger } from '../runtime/capturing-logger';
import { createVirtualClock, type VirtualClock } from '../runtime/virtual-clock';
import type { ConnectorConformanceOptions } from './conformance-options';
import type { ConformanceOutput } from './find-canary-leaks';

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
  /**
   * Real time one run may take before the suite cancels it and reports that it hung. Runs
   * use a virtual clock, so a conforming one takes milliseconds; only something outside the
   * runtime (a request that bypassed it, a timer of the connector's own) can reach this.
   */
  runGuardMs: 5_000,
} as const;

/** The `user-agent` prefix the runtime sends on every request; connectors cannot change it. */
const RUNTIME_USER_AGENT_PREFIX = 'evidencekit/';

/** Everything one run under the mocks produced. */
export interface HarnessRun<Result> {
  /** The check or scenario this run was for. */
  label: string;
  result: Result | undefined;
  /** What escaped the engine: a conformance failure on its own. */
  thrown: unknown;
  clock: VirtualClock;
  logger: CapturingLogger;
  requests: RecordedRequest[];
  unhandled: string[];
  /**
   * Requests the mock network saw that the runtime did not send (global `fetch`, `node:http`,
   * another client), as `METHOD URL (user-agent …)`. Each was answered at once with a network
   * error, so none can hang the run.
   */
  bypassed: string[];
  /** The run did not finish within `CONFORMANCE_RUNTIME.runGuardMs` of real time. */
  hung: boolean;
  /** The real time at the start and the end of the run (for the real-clock check). */
  realStartMs: number;
  realEndMs: number;
  /** The virtual time at the start of the run. */
  virtualStartMs: number;
}

/** Runs connectors against a mock server with a virtual clock and a capturing logger. */
export class ConformanceHarness {
  /** Every output of every run, for the secret scan. */
  readonly outputs: ConformanceOutput[] = [];
  /** Every request that bypassed the runtime, in any run, with the run's label. */
  readonly bypassed: Array<{ run: string; request: string }> = [];
  /** The labels of runs that hung. */
  readonly hung: string[] = [];
  readonly configured: ConfiguredConnector;
  /** The clock of the run in progress (fault scenarios fire its deadlines). */
  currentClock: VirtualClock;

  constructor(
    private readonly options: ConnectorConformanceOptions,
    private readonly server: ProviderMockServer,
    canaryReference: string,
    private readonly startMs: number,
  ) {
    this.configured = options.createConnector(options.settings(canaryReference));
    this.currentClock = this.newClock();
  }

  get connector(): AnyConnectorV1 {
    return this.configured.connector;
  }

  /** Collects the target once with `handlers` in front of nothing else. */
  collect(
    label: string,
    handlers: readonly AnyHandler[],
    options: { signal?: AbortSignal } = {},
  ): Promise<HarnessRun<EvidenceRecord>> {
    return this.run(label, 'record', handlers, async (runtime, clock, guard) => {
      const records: EvidenceRecord[] = [];
      const signal =
        options.signal === undefined ? guard : AbortSignal.any([guard, options.signal]);
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
        signal,
      })) {
        records.push(record);
      }
      if (records.length !== 1) throw new Error(`expected one record, got ${records.length}`);
      return records[0];
    });
  }

  /** Runs `checkConnector` once with `handlers`. */
  check(label: string, handlers: readonly AnyHandler[]): Promise<HarnessRun<ConnectorCheck>> {
    return this.run(label, 'check result', handlers, (runtime, clock, signal) =>
      checkConnector(this.configured, { runtime, signal, now: () => new Date(clock.now()) }),
    );
  }

  private newClock(): VirtualClock {
    return createVirtualClock({ maxWaitMs: CONFORMANCE_RUNTIME.maxWaitMs, startMs: this.startMs });
  }

  private async run<Result>(
    label: string,
    source: 'record' | 'check result',
    handlers: readonly AnyHandler[],
    body: (
      runtime: Runtime,
      clock: VirtualClock,
      guard: AbortSignal,
    ) => Promise<Result | undefined>,
  ): Promise<HarnessRun<Result>> {
    const clock = this.newClock();
    this.currentClock = clock;
    const logger = createCapturingLogger();
    // The origins the runtime started a request to in this run, from its `request.start`
    // events (logged at debug level to the runtime's logger).
    const runtimeOrigins = new Set<string>();
    const runtime = createRuntime({
      clock,
      logger: observeRequestStarts(logger, runtimeOrigins),
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
    const bypassed: string[] = [];
    this.server.resetHandlers(bypassGuard(runtimeOrigins, bypassed), ...handlers);
    this.server.clearRecords();
    let result: Result | undefined;
    let thrown: unknown;
    let hung = false;
    const guard = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const realStartMs = Date.now();
    const virtualStartMs = clock.now();
    try {
      const guarded = new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => {
          hung = true;
          guard.abort(new Error('conformance: the run hung'));
          // Give the engine a moment to end with cancelled facts; then stop waiting.
          timer = setTimeout(() => resolve('hung'), 1_000);
        }, CONFORMANCE_RUNTIME.runGuardMs);
      });
      const outcome = await Promise.race([body(runtime, clock, guard.signal), guarded]);
      if (outcome !== 'hung') result = outcome;
    } catch (error) {
      thrown = error;
    } finally {
      clearTimeout(timer);
      await runtime.close().catch(() => {});
    }
    const realEndMs = Date.now();
    // Let the recorder finish reading request bodies.
    await new Promise((resolve) => setImmediate(resolve));
    const run: HarnessRun<Result> = {
      label,
      result,
      thrown,
      clock,
      logger,
      requests: [...this.server.recorder.requests],
      unhandled: [...this.server.unhandledRequests],
      bypassed,
      hung,
      realStartMs,
      realEndMs,
      virtualStartMs,
    };
    if (result !== undefined) {
      this.outputs.push({ run: label, source, value: result });
    }
    this.outputs.push({ run: label, source: 'log', value: logger.entries });
    if (thrown !== undefined) this.outputs.push({ run: label, source: 'error', value: thrown });
    for (const request of bypassed) this.bypassed.push({ run: label, request });
    if (hung) this.hung.push(label);
    return run;
  }
}

/** A logger that also notes the origin of every request the runtime starts. */
function observeRequestStarts(logger: Logger, origins: Set<string>): Logger {
  return {
    debug(object, message) {
      if (object.type === 'request.start' && typeof object.url === 'string') {
        try {
          origins.add(new URL(object.url).origin);
        } catch {
          // A URL the runtime could not print: it reached no mock either.
        }
      }
      logger.debug(object, message);
    },
    info: (object, message) => logger.info(object, message),
    warn: (object, message) => logger.warn(object, message),
    error: (object, message) => logger.error(object, message),
  };
}

/**
 * The first handler of every run: a request that does not carry the runtime's `user-agent`,
 * or goes to an origin the runtime started no request to, did not go through the runtime. It
 * is noted and answered at once with a network error, so a bypassing client fails fast
 * instead of hanging on a fault scenario the virtual clock cannot end.
 */
function bypassGuard(runtimeOrigins: ReadonlySet<string>, bypassed: string[]): AnyHandler {
  return http.all('*', ({ request }) => {
    const userAgent = request.headers.get('user-agent');
    const url = new URL(request.url);
    if (userAgent?.startsWith(RUNTIME_USER_AGENT_PREFIX) && runtimeOrigins.has(url.origin)) {
      return undefined;
    }
    bypassed.push(
      `${request.method.toUpperCase()} ${url.origin}${url.pathname} (user-agent: ${userAgent === null ? 'none' : JSON.stringify(userAgent.slice(0, 40))})`,
    );
    return HttpResponse.error();
  });
}
