import { DeadlineExceededError } from '../errors/deadline-exceeded-error';

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
    const aborted = new Promise<never>((_, reject) => {
      const rejectWithReason = () => reject(controller.signal.reason);
      if (controller.signal.aborted) rejectWithReason();
      else controller.signal.addEventListener('abort', rejectWithReason, { once: true });
    });
    // Whichever side loses the race may still settle later; that must not be an unhandled rejection.
    const result = Promise.resolve().then(() => call(controller.signal));
    aborted.catch(() => {});
    result.catch(() => {});
    return await Promise.race([result, aborted]);
  } finally {
    clearTimeout(timer);
    runSignal?.removeEventListener('abort', abortFromRun);
  }
}
