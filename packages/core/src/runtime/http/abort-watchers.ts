/** Something told when a signal aborts (see {@link watchAbort}). */
export interface AbortWatcher {
  onSignalAbort(reason: unknown): void;
  /** Links of the signal's watcher list, owned by `watchAbort`; leave them alone. */
  abortWatchNext?: AbortWatcher | undefined;
  abortWatchPrevious?: AbortWatcher | undefined;
}

/** The watchers of one signal: a list linked through the watchers themselves. */
interface WatcherList {
  first: AbortWatcher | undefined;
}

const watchersOf = new WeakMap<AbortSignal, WatcherList>();

/**
 * Tells `watcher` when `signal` aborts, through one listener per signal shared by every
 * watcher, instead of one listener per request.
 *
 * Why: a runtime's requests all watch the same long-lived signal (the bound call's). Node
 * keeps an `EventTarget`'s listeners in a linked list whose removed entries still point at
 * their neighbours, so a removed listener that was promoted to the old generation keeps the
 * next request's listener (and everything it references) alive through young-generation GCs,
 * and so on: every request was copied and promoted. Here a watcher that leaves the list
 * forgets its neighbours.
 *
 * The signal must not have aborted yet (check `signal.aborted` first); a watcher watches one
 * signal at a time.
 */
export function watchAbort(signal: AbortSignal, watcher: AbortWatcher): void {
  let list = watchersOf.get(signal);
  if (list === undefined) {
    const created: WatcherList = { first: undefined };
    list = created;
    watchersOf.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        watchersOf.delete(signal);
        const told: AbortWatcher[] = [];
        for (let each = created.first; each !== undefined; each = each.abortWatchNext) {
          told.push(each);
        }
        for (const each of told) {
          each.abortWatchNext = undefined;
          each.abortWatchPrevious = undefined;
        }
        created.first = undefined;
        for (const each of told) each.onSignalAbort(signal.reason);
      },
      { once: true },
    );
  }
  const first = list.first;
  watcher.abortWatchPrevious = undefined;
  watcher.abortWatchNext = first;
  if (first !== undefined) first.abortWatchPrevious = watcher;
  list.first = watcher;
}

/** Stops telling `watcher` about `signal`; nothing when it was not watching. */
export function unwatchAbort(signal: AbortSignal, watcher: AbortWatcher): void {
  const list = watchersOf.get(signal);
  if (list === undefined) return;
  const { abortWatchNext: next, abortWatchPrevious: previous } = watcher;
  if (previous === undefined) {
    if (list.first !== watcher) return;
    list.first = next;
  } else {
    previous.abortWatchNext = next;
  }
  if (next !== undefined) next.abortWatchPrevious = previous;
  watcher.abortWatchNext = undefined;
  watcher.abortWatchPrevious = undefined;
}
