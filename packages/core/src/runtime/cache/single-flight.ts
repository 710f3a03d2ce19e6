import { raceAbort } from '../http/race-abort';

interface Flight<T> {
  /** What joiners wait on (an opened flight builds it when the first joiner comes). */
  readonly promise: Promise<T>;
  /** Stops the shared work: every caller has gone. */
  abort(reason: unknown): void;
  waiters: number;
}

/**
 * A flight its opener runs itself (see {@link SingleFlight.open}): the opener settles it with
 * the work's outcome and leaves it when its own caller goes.
 */
export interface OpenedFlight<T> {
  /** The work ended: joiners get `value`, and the key is free again. */
  resolve(value: T): void;
  /** The work failed: joiners get `error`, and the key is free again. */
  reject(error: unknown): void;
  /**
   * The opener's caller stopped waiting. True when nobody waits any more: the opener then
   * stops the work (the key is already free).
   */
  leave(): boolean;
}

/**
 * Shares one run of a task between identical concurrent callers. Each caller may abort on
 * its own; the shared task is aborted only when every caller has gone, so one cancelled
 * target never fails another.
 */
export class SingleFlight<T> {
  readonly #flights = new FlightTable<T>();

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
        abort: (reason) => controller.abort(reason),
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
        joined.abort(reason);
        if (this.#flights.get(key) === joined) this.#flights.delete(key);
      }
    });
  }

  /** Whether a flight for `key` is running. */
  has(key: string): boolean {
    return this.#flights.has(key);
  }

  /**
   * Opens a flight for `key` whose work the caller runs itself, as its one waiter, without a
   * promise or a signal of the flight's own: callers of `run` with the same key join it (and
   * only then is a promise built for them). Undefined when a flight for `key` is running.
   *
   * @param abortWork - Stops the work; called when the last joiner leaves after the opener.
   */
  open(key: string, abortWork: (reason: unknown) => void): OpenedFlight<T> | undefined {
    if (this.#flights.has(key)) return undefined;
    const flight = new OpenFlight<T>(this.#flights, key, abortWork);
    this.#flights.set(key, flight);
    return flight;
  }
}

/** A flight its opener runs: a promise only when someone joins. */
class OpenFlight<T> implements Flight<T>, OpenedFlight<T> {
  waiters = 1;
  readonly abort: (reason: unknown) => void;
  readonly #flights: FlightTable<T>;
  readonly #key: string;
  #promise: Promise<T> | undefined = undefined;
  #settle: { resolve(value: T): void; reject(error: unknown): void } | undefined = undefined;
  #outcome: { value: T } | { error: unknown } | undefined = undefined;

  constructor(flights: FlightTable<T>, key: string, abortWork: (reason: unknown) => void) {
    this.#flights = flights;
    this.#key = key;
    this.abort = abortWork;
  }

  get promise(): Promise<T> {
    if (this.#promise === undefined) {
      const outcome = this.#outcome;
      this.#promise =
        outcome === undefined
          ? new Promise<T>((resolve, reject) => {
              this.#settle = { resolve, reject };
            })
          : 'value' in outcome
            ? Promise.resolve(outcome.value)
            : Promise.reject(outcome.error);
      // Every joiner may leave before the work ends; that is not unhandled.
      this.#promise.catch(() => {});
    }
    return this.#promise;
  }

  resolve(value: T): void {
    this.#outcome = { value };
    this.#endSoon();
    this.#settle?.resolve(value);
  }

  reject(error: unknown): void {
    this.#outcome = { error };
    this.#endSoon();
    this.#settle?.reject(error);
  }

  leave(): boolean {
    this.waiters -= 1;
    if (this.waiters > 0) return false;
    this.#end();
    return true;
  }

  /**
   * Frees the key a microtask after the outcome, as a flight of `run` does (its promise's
   * `finally`): a request made in the same synchronous stretch (a dispatcher that answers at
   * once, such as a mock) still joins instead of asking again.
   */
  #endSoon(): void {
    queueMicrotask(() => this.#end());
  }

  #end(): void {
    if (this.#flights.get(this.#key) === this) this.#flights.delete(this.#key);
  }
}

/**
 * The running flights by key: a `Map` from key to a slot number, and the flights in an array
 * of slots. Why not a `Map` of flights: a flight is added and deleted for every cached request,
 * and under that churn V8 rebuilds the `Map`'s table again and again, in the old generation once
 * the `Map` lives there; each replaced table keeps the entries it had, so every flight (and the
 * request behind it) was kept through young-generation GCs and promoted. A replaced table now
 * holds slot numbers only, and a freed slot is cleared. (A dictionary object avoids the churn
 * too, but internalizes every key it is asked for, which costs more than the rest of the lookup.)
 */
class FlightTable<T> {
  readonly #slotOf = new Map<string, number>();
  readonly #slots: Array<Flight<T> | undefined> = [];
  readonly #free: number[] = [];

  get(key: string): Flight<T> | undefined {
    const slot = this.#slotOf.get(key);
    return slot === undefined ? undefined : this.#slots[slot];
  }

  has(key: string): boolean {
    return this.#slotOf.has(key);
  }

  set(key: string, flight: Flight<T>): void {
    const existing = this.#slotOf.get(key);
    if (existing !== undefined) {
      this.#slots[existing] = flight;
      return;
    }
    const slot = this.#free.pop() ?? this.#slots.length;
    this.#slots[slot] = flight;
    this.#slotOf.set(key, slot);
  }

  delete(key: string): void {
    const slot = this.#slotOf.get(key);
    if (slot === undefined) return;
    this.#slotOf.delete(key);
    this.#slots[slot] = undefined;
    this.#free.push(slot);
  }
}
