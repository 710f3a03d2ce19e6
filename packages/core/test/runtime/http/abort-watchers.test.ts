import { describe, expect, it } from 'vitest';
import {
  type AbortWatcher,
  unwatchAbort,
  watchAbort,
} from '../../../src/runtime/http/abort-watchers';

function watcher(log: string[], name: string): AbortWatcher {
  return { onSignalAbort: (reason) => log.push(`${name}:${String(reason)}`) };
}

describe('abort watchers: one listener per signal for every request watching it', () => {
  it('tells every watcher still watching, once, with the reason', () => {
    const controller = new AbortController();
    const log: string[] = [];
    const watchers = ['a', 'b', 'c', 'd'].map((name) => watcher(log, name));
    for (const each of watchers) watchAbort(controller.signal, each);
    unwatchAbort(controller.signal, watchers[1] as AbortWatcher);
    unwatchAbort(controller.signal, watchers[3] as AbortWatcher);
    controller.abort('stop');
    controller.abort('again');
    expect(log.sort()).toEqual(['a:stop', 'c:stop']);
  });

  it.each([
    { name: 'the first watched', remove: [0] },
    { name: 'the last watched', remove: [4] },
    { name: 'one in the middle', remove: [2] },
    { name: 'every other one', remove: [0, 2, 4] },
    { name: 'all of them', remove: [0, 1, 2, 3, 4] },
    { name: 'one twice (the second time does nothing)', remove: [1, 1] },
  ])('unwatching $name leaves the others watching', ({ remove }) => {
    const controller = new AbortController();
    const log: string[] = [];
    const watchers = [0, 1, 2, 3, 4].map((index) => watcher(log, String(index)));
    for (const each of watchers) watchAbort(controller.signal, each);
    for (const index of remove) unwatchAbort(controller.signal, watchers[index] as AbortWatcher);
    controller.abort('x');
    const expected = [0, 1, 2, 3, 4].filter((index) => !remove.includes(index)).map(String);
    expect(log.map((line) => line.split(':')[0]).sort()).toEqual(expected);
  });

  it('adds one listener to a signal however many requests watch it', () => {
    const controller = new AbortController();
    const signal = controller.signal;
    let added = 0;
    const add = signal.addEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    const log: string[] = [];
    for (let index = 0; index < 100; index++) {
      const each = watcher(log, String(index));
      watchAbort(signal, each);
      unwatchAbort(signal, each);
    }
    expect(added).toBe(1);
  });

  it('a watcher that leaves forgets its neighbours (nothing keeps the next request alive)', () => {
    const controller = new AbortController();
    const log: string[] = [];
    const [first, second, third] = ['1', '2', '3'].map((name) => watcher(log, name)) as [
      AbortWatcher,
      AbortWatcher,
      AbortWatcher,
    ];
    watchAbort(controller.signal, first);
    watchAbort(controller.signal, second);
    watchAbort(controller.signal, third);
    unwatchAbort(controller.signal, second);
    expect([second.abortWatchNext, second.abortWatchPrevious]).toEqual([undefined, undefined]);
  });

  it('keeps watchers of different signals apart, and lets a told watcher watch again', () => {
    const one = new AbortController();
    const two = new AbortController();
    const log: string[] = [];
    const shared = watcher(log, 'w');
    watchAbort(one.signal, shared);
    one.abort('one');
    watchAbort(two.signal, shared);
    two.abort('two');
    expect(log).toEqual(['w:one', 'w:two']);
  });
});
