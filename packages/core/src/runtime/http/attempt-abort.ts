import type { AttemptAbort } from './request-state';

/**
 * The abort of one attempt: one listener slot for the hop in flight instead of an
 * `AbortController` with listeners per attempt. A signal is made only for consumers that
 * take one (a destination check, a dispatcher without `dispatch`).
 */
export class AttemptAbortState implements AttemptAbort {
  aborted = false;
  reason: unknown = undefined;
  #listener: ((reason: unknown) => void) | undefined;
  #controller: AbortController | undefined;

  /** Aborts the attempt with `reason`; later calls do nothing. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.(reason);
    this.#controller?.abort(reason);
  }

  onAbort(listener: ((reason: unknown) => void) | undefined): void {
    if (listener !== undefined && this.aborted) {
      listener(this.reason);
      return;
    }
    this.#listener = listener;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }
}
