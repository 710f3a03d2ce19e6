import { type Clock, systemClock } from './clock';

// The reason a deadline is stopped with on an injected clock: `abort()` without one builds a
// DOMException (and its stack) every time.
const DEADLINE_STOPPED = Symbol('deadline stopped');

/**
 * Calls `onExpire` after `ms` on `clock` unless the returned function is called first. On the
 * real clock this is one unref'd timer; an injected clock (tests) gets the same through its
 * `sleep`, so fake time drives it.
 */
export function startDeadline(clock: Clock, ms: number, onExpire: () => void): () => void {
  if (clock === systemClock) {
    const timer = setTimeout(onExpire, Math.max(0, ms));
    // A pending deadline must not keep a host process alive on its own.
    timer.unref?.();
    return () => clearTimeout(timer);
  }
  const stop = new AbortController();
  clock.sleep(ms, stop.signal).then(onExpire, () => {});
  return () => stop.abort(DEADLINE_STOPPED);
}
