import type { Clock } from '../../../src/runtime/retry/clock';

/**
 * A clock for tests: sleeps advance `now` and resolve at once (recorded in `sleeps`), except
 * those `hold` selects, which stay pending until `releaseHeld()` (used for timeouts).
 */
export function createFakeClock(options: { start?: number; hold?: (ms: number) => boolean } = {}) {
  let now = options.start ?? Date.UTC(2026, 0, 1);
  const sleeps: number[] = [];
  const held: Array<() => void> = [];
  const clock: Clock & { sleeps: number[]; releaseHeld(): void; advance(ms: number): void } = {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    releaseHeld() {
      for (const release of held.splice(0)) release();
    },
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (options.hold?.(ms)) {
        return new Promise((resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          held.push(() => resolve());
        });
      }
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  return clock;
}
