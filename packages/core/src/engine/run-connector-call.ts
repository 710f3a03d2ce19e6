import { DeadlineExceededError } from '../errors/deadline-exceeded-error';
import { raceAbort } from '../runtime/http/race-abort';

/**
 * Runs one engine-called connector method under a deadline and the run's abort signal.
 *
 * The connector gets a signal that aborts on either; the engine also stops waiting on its own
 * when that signal fires, so a connector that ignores its signal cannot hang the run.
 */
export async function runConnectorCall<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: { timeoutMs: number; signal?: AbortSignal | undefined; what: string },
): Promise<T> {
  const controller = new AbortController();
  const { signal: runSignal } = options;
  const abortFromRun = () => controller.abort(runSignal?.reason);
  if (runSignal?.aborted) abortFromRun();
  else runSignal?.addEventListener('abort', abortFromRun, { once: true });
  const timer = setTimeout(
    () =>
      controller.abort(
        new DeadlineExceededError({ what: options.what, timeoutMs: options.timeoutMs }),
      ),
    options.timeoutMs,
  );
  try {
    // Started a microtask later, so a synchronous throw is a rejection like any other.
    return await raceAbort(
      Promise.resolve().then(() => call(controller.signal)),
      controller.signal,
    );
  } finally {
    clearTimeout(timer);
    runSignal?.removeEventListener('abort', abortFromRun);
  }
}
