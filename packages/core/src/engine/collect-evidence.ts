import { assertSupportedConnector } from '../contract/supported-specification-versions';
import type { AnyConnectorV1 } from '../contract/v1/connector-v1';
import type { EvidenceRecord } from '../evidence/evidence-schema';
import type { EvidenceTarget } from './evidence-target';
import type { CatalogCache } from './fact-catalog-of';
import { parseSelector, produceRecord } from './produce-record';
import { type RuntimeInput, resolveRuntime } from './resolve-runtime';
import type { SettingsCache } from './validate-settings';

/** Progress of a collection run, reported after each target. */
export interface CollectProgress {
  /** Targets finished so far. */
  completed: number;
  /** Targets being collected right now. */
  running: number;
  /** All targets, when the input had a known length. */
  total: number | undefined;
  /** The record that just completed. */
  record: EvidenceRecord;
}

/** Options of `collectEvidence`. */
export interface CollectEvidenceOptions {
  /** What to collect. An array, or any (async) iterable for very large runs. */
  targets: Iterable<EvidenceTarget> | AsyncIterable<EvidenceTarget>;
  /** How many targets run at once. Default 8. */
  concurrency?: number;
  /** Per-target deadline for `doCollect`, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Cancels the run: running targets end as `unavailable: cancelled`, no new ones start. */
  signal?: AbortSignal;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Called after each record. */
  onProgress?: (progress: CollectProgress) => void;
  /** The runtime (HTTP, secrets, cache, limits) shared by the run; created when absent. */
  runtime?: RuntimeInput;
}

// Completed records wait here for the consumer; workers pause beyond it, so memory stays flat
// however many targets a run has.
const bufferHighWaterMark = 64;

/**
 * Collects evidence for many targets with bounded concurrency and yields each record as it
 * completes. One failing, hanging or misbehaving connector only makes its own target's facts
 * `unavailable` with a typed reason; the run itself never rejects because of a connector.
 *
 * @throws UnsupportedSpecificationVersionError at the first target whose connector implements
 *   a contract version this engine does not support (an installation error, not a run error).
 *
 * @example
 * ```ts
 * for await (const record of collectEvidence({ targets })) console.log(record.status);
 * const records = await Array.fromAsync(collectEvidence({ targets }));
 * ```
 */
export async function* collectEvidence(
  options: CollectEvidenceOptions,
): AsyncGenerator<EvidenceRecord, void, undefined> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => new Date());
  const { host, close } = resolveRuntime(options.runtime);
  const total = Array.isArray(options.targets) ? options.targets.length : undefined;
  const iterator = toAsyncIterator(options.targets);
  const settingsCache: SettingsCache = new WeakMap();
  const catalogCache: CatalogCache = new WeakMap();

  const buffer: EvidenceRecord[] = [];
  let running = 0;
  let completed = 0;
  let finishedWorkers = 0;
  let fatal: unknown;
  let wakeConsumer: (() => void) | undefined;
  const waitingWorkers: Array<() => void> = [];
  let consumerGone = false;

  const notifyConsumer = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };

  const collectOne = (target: EvidenceTarget): Promise<EvidenceRecord> => {
    const connector: AnyConnectorV1 = target.connector.connector;
    return produceRecord({
      configured: target.connector,
      scope: target.scope,
      thresholds: target.thresholds as Readonly<Record<string, string | undefined>> | undefined,
      maxAgeSeconds: target.maxAgeSeconds,
      host,
      now,
      timeoutMs,
      signal: options.signal,
      settingsCache,
      catalogCache,
      what: `${connector.metadata.id} collection`,
      call: async ({ config, signal, runtime }) => {
        const selector = parseSelector(connector, target.selector);
        return connector.doCollect({ config, selector, scope: target.scope, signal, now, runtime });
      },
    });
  };

  const worker = async () => {
    try {
      while (!consumerGone && !options.signal?.aborted) {
        const next = await iterator.next();
        if (next.done) break;
        const target = next.value;
        assertSupportedConnector(target.connector.connector);
        running += 1;
        const record = await collectOne(target);
        running -= 1;
        completed += 1;
        buffer.push(record);
        options.onProgress?.({ completed, running, total, record });
        notifyConsumer();
        while (buffer.length >= bufferHighWaterMark && !consumerGone) {
          await new Promise<void>((resolve) => {
            waitingWorkers.push(resolve);
          });
        }
      }
    } catch (error) {
      fatal ??= error;
    } finally {
      finishedWorkers += 1;
      notifyConsumer();
    }
  };

  const workers = Array.from({ length: concurrency }, () => worker());
  try {
    while (true) {
      if (fatal !== undefined) throw fatal;
      const record = buffer.shift();
      if (record !== undefined) {
        waitingWorkers.shift()?.();
        yield record;
        continue;
      }
      if (finishedWorkers === concurrency) break;
      await new Promise<void>((resolve) => {
        wakeConsumer = resolve;
      });
    }
  } finally {
    consumerGone = true;
    for (const resume of waitingWorkers.splice(0)) resume();
    await Promise.allSettled(workers);
    await iterator.return?.();
    await close();
  }
}

function toAsyncIterator<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const syncIterator = source[Symbol.iterator]();
  return {
    next: async () => syncIterator.next(),
    return: async () => syncIterator.return?.() ?? { done: true, value: undefined },
  };
}
