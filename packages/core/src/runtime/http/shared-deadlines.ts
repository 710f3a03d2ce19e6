/**
 * An attempt waiting for its deadline on a shared list (see {@link startSharedDeadline}). The
 * `deadline*` fields belong to the list; leave them alone.
 */
export interface DeadlineEntry {
  /** The deadline passed before the entry was stopped. */
  onDeadline(): void;
  deadlineAt?: number | undefined;
  deadlineNext?: DeadlineEntry | undefined;
  deadlinePrevious?: DeadlineEntry | undefined;
  deadlineList?: DeadlineList | undefined;
}

// Beyond this many distinct durations, attempts get a timer each (`startSharedDeadline` says no).
const MAX_LISTS = 32;
const lists = new Map<number, DeadlineList>();

/**
 * Starts a deadline of `ms` for `entry` on the list of that duration: one unref'd timer per
 * duration for every attempt of the process, instead of a timer per attempt (a `Timeout`
 * object, its async-hooks bookkeeping, a ref toggle and a clear each). Entries of one
 * duration expire in the order they started, so the list is a queue and the timer only ever
 * waits for its head. Returns false (nothing started) when too many durations are in use.
 */
export function startSharedDeadline(ms: number, entry: DeadlineEntry): boolean {
  let list = lists.get(ms);
  if (list === undefined) {
    if (lists.size >= MAX_LISTS) return false;
    list = new DeadlineList(ms);
    lists.set(ms, list);
  }
  list.add(entry);
  return true;
}

/** Stops `entry`'s deadline; nothing when it has none (it expired, or never started). */
export function stopSharedDeadline(entry: DeadlineEntry): void {
  entry.deadlineList?.remove(entry);
}

/** The attempts with one duration, oldest first, and the one timer for the oldest. */
class DeadlineList {
  readonly #ms: number;
  #first: DeadlineEntry | undefined = undefined;
  #last: DeadlineEntry | undefined = undefined;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(ms: number) {
    this.#ms = Math.max(0, ms);
  }

  add(entry: DeadlineEntry): void {
    entry.deadlineAt = performance.now() + this.#ms;
    entry.deadlineList = this;
    entry.deadlineNext = undefined;
    entry.deadlinePrevious = this.#last;
    if (this.#last === undefined) this.#first = entry;
    else this.#last.deadlineNext = entry;
    this.#last = entry;
    if (this.#timer === undefined) this.#arm(this.#ms);
  }

  /** Unlinks `entry`, clearing its links: a finished attempt keeps no other attempt alive. */
  remove(entry: DeadlineEntry): void {
    const { deadlineNext: next, deadlinePrevious: previous } = entry;
    if (previous === undefined) this.#first = next;
    else previous.deadlineNext = next;
    if (next === undefined) this.#last = previous;
    else next.deadlinePrevious = previous;
    entry.deadlineNext = undefined;
    entry.deadlinePrevious = undefined;
    entry.deadlineList = undefined;
  }

  #arm(delayMs: number): void {
    // Never keeps a host process alive on its own, as a per-attempt deadline timer would not.
    this.#timer = setTimeout(() => this.#expire(), Math.max(1, Math.ceil(delayMs)));
    this.#timer.unref?.();
  }

  #expire(): void {
    this.#timer = undefined;
    const now = performance.now();
    // Entries stopped meanwhile are gone already; the head is the next to expire.
    for (let head = this.#first; head !== undefined; head = this.#first) {
      if ((head.deadlineAt ?? 0) > now) {
        this.#arm((head.deadlineAt ?? now) - now);
        return;
      }
      this.remove(head);
      head.onDeadline();
    }
  }
}
