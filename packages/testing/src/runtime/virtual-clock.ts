import type { Clock } from '@evidencekit/core';

/** Options of {@link createVirtualClock}. */
export interface VirtualClockOptions {
  /** The virtual time at the start, in ms since the epoch. Default 2025-01-15T12:00:00Z. */
  startMs?: number;
  /**
   * The longest wait the runtime may take (its retry cap). Sleeps up to this are waits: they
   * resolve at once and are recorded. Longer sleeps are deadlines (per-attempt timeouts): they
   * stay pending until {@link VirtualClock.expireDeadlines} fires them or their signal aborts.
   */
  maxWaitMs: number;
}

/**
 * A clock for the runtime under test: retries and rate-limit waits happen instantly (and are
 * recorded, so a test can assert how long the runtime *would* have waited), while timeouts
 * fire only when a test or a fault scenario says so. Nothing sleeps for real.
 */
export interface VirtualClock extends Clock {
  /** Every wait the runtime took, in ms, in order. */
  readonly waits: readonly number[];
  /** How many deadline sleeps are pending now. */
  readonly pendingDeadlines: number;
  /** Fires every pending deadline, advancing time past it: the requests in flight time out. */
  expireDeadlines(): void;
  /** Forgets recorded waits. */
  clearWaits(): void;
}

interface PendingDeadline {
  ms: number;
  resolve: () => void;
}

/** Creates a virtual clock. */
export function createVirtualClock(options: VirtualClockOptions): VirtualClock {
  let nowMs = options.startMs ?? Date.UTC(2025, 0, 15, 12, 0, 0);
  const waits: number[] = [];
  const deadlines = new Set<PendingDeadline>();
  return {
    now: () => nowMs,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        if (ms > options.maxWaitMs) {
          const deadline: PendingDeadline = {
            ms,
            resolve: () => {
              signal?.removeEventListener('abort', onAbort);
              resolve();
            },
          };
          const onAbort = () => {
            deadlines.delete(deadline);
            reject(signal?.reason);
          };
          deadlines.add(deadline);
          signal?.addEventListener('abort', onAbort, { once: true });
          return;
        }
        if (ms > 0) waits.push(ms);
        nowMs += Math.max(0, ms);
        // Resolve on a later turn, as a real timer would, so callers cannot rely on sync order.
        setImmediate(() => {
          if (signal?.aborted) reject(signal.reason);
          else resolve();
        });
      });
    },
    get waits() {
      return waits;
    },
    get pendingDeadlines() {
      return deadlines.size;
    },
    expireDeadlines() {
      const pending = [...deadlines];
      deadlines.clear();
      const longest = Math.max(0, ...pending.map((deadline) => deadline.ms));
      nowMs += longest;
      for (const deadline of pending) deadline.resolve();
    },
    clearWaits() {
      waits.length = 0;
    },
  };
}
