/**
 * Settles like `promise`, or rejects with `signal.reason` as soon as `signal` aborts
 * (at once when it already has). One listener, removed when either side settles. `onAbort`
 * runs before the rejection, for a caller that must release something (a shared flight's
 * waiter count) when it stops waiting.
 *
 * This is the one race against an abort signal in Evidencekit: the runtime uses it for
 * destination checks and shared cache flights, and the engine for connector deadlines. The
 * loser may still settle later; that never becomes an unhandled rejection.
 *
 * @example
 * ```ts
 * const addresses = await raceAbort(resolveHost(name), attemptSignal);
 * ```
 */
export function raceAbort<T>(
  promise: PromiseLike<T>,
  signal: AbortSignal | undefined,
  onAbort?: (reason: unknown) => void,
): Promise<T> {
  if (signal === undefined) return Promise.resolve(promise);
  if (signal.aborted) {
    // The promise is abandoned: its rejection must not surface as unhandled.
    Promise.resolve(promise).then(undefined, ignore);
    onAbort?.(signal.reason);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.(signal.reason);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/**
 * The two signals as one: either, when the other is undefined (no composite signal, which
 * costs a listener on each and a new controller), else `AbortSignal.any`.
 */
export function combineSignals(
  first: AbortSignal | undefined,
  second: AbortSignal | undefined,
): AbortSignal | undefined {
  if (first === undefined) return second;
  if (second === undefined || second === first) return first;
  return AbortSignal.any([first, second]);
}

function ignore(): void {}
