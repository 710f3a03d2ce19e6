import { raceAbort } from '../http/race-abort';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * Shares one run of a task between identical concurrent callers. Each caller may abort on
 * its own; the shared task is aborted only when every caller has gone, so one cancelled
 * target never fails another.
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Flight<T>>();

  /** Joins the flight for `key`, starting it with `task` when none is running. */
  run(key: string, task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let flight = this.#flights.get(key);
    if (flight === undefined) {
      const controller = new AbortController();
      // Started at once (no extra microtask); a synchronous throw becomes a rejection.
      let started: Promise<T>;
      try {
        started = task(controller.signal);
      } catch (error) {
        started = Promise.reject(error);
      }
      const created: Flight<T> = {
        controller,
        waiters: 0,
        promise: started.finally(() => {
          if (this.#flights.get(key) === created) this.#flights.delete(key);
        }),
      };
      // The shared promise may reject after every caller left; that is not unhandled.
      created.promise.catch(() => {});
      this.#flights.set(key, created);
      flight = created;
    }
    const joined = flight;
    joined.waiters += 1;
    if (signal === undefined) return joined.promise;

    return raceAbort(joined.promise, signal, (reason) => {
      joined.waiters -= 1;
      if (joined.waiters === 0) {
        joined.controller.abort(reason);
        if (this.#flights.get(key) === joined) this.#flights.delete(key);
      }
    });
  }
}
