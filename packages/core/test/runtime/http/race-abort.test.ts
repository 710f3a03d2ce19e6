import { describe, expect, it } from 'vitest';
import { combineSignals, raceAbort } from '../../../src/runtime/http/race-abort';

/** Lets every pending promise chain run once. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('raceAbort, the one race against an abort signal', () => {
  it('settles like the promise when the signal never aborts, and removes its listener', async () => {
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      removed += 1;
      remove(...args);
    }) as typeof signal.removeEventListener;

    await expect(raceAbort(Promise.resolve(7), signal)).resolves.toBe(7);
    await expect(raceAbort(Promise.reject(new Error('no')), signal)).rejects.toThrow('no');
    expect([added, removed]).toEqual([2, 2]);
  });

  it('rejects with the reason as soon as the signal aborts, and calls onAbort first', async () => {
    const controller = new AbortController();
    const order: string[] = [];
    const never = new Promise<number>(() => {});
    const raced = raceAbort(never, controller.signal, () => order.push('onAbort'));
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(raced).rejects.toBe(reason);
    expect(order).toEqual(['onAbort']);
  });

  it('rejects at once for an aborted signal, and the abandoned rejection is handled', async () => {
    const reason = new Error('already');
    const abandoned = Promise.reject(new Error('later failure'));
    await expect(raceAbort(abandoned, AbortSignal.abort(reason))).rejects.toBe(reason);
    // An unhandled rejection would fail the run here.
    await settle();
  });

  it('ignores a loser that settles after the abort', async () => {
    const controller = new AbortController();
    let resolveLate: (value: number) => void = () => {};
    const late = new Promise<number>((resolve) => {
      resolveLate = resolve;
    });
    const raced = raceAbort(late, controller.signal);
    controller.abort('gone');
    resolveLate(1);
    await expect(raced).rejects.toBe('gone');
  });

  it('without a signal is the promise itself', async () => {
    await expect(raceAbort(Promise.resolve('x'), undefined)).resolves.toBe('x');
  });

  it.each([
    ['neither', undefined, undefined, 'none'],
    ['only the first', 'a', undefined, 'a'],
    ['only the second', undefined, 'b', 'b'],
    ['the same twice', 'a', 'a', 'a'],
  ] as const)(
    'combineSignals with %s adds no composite signal',
    (_label, first, second, expected) => {
      const signals = { a: new AbortController().signal, b: new AbortController().signal };
      const combined = combineSignals(
        first === undefined ? undefined : signals[first],
        second === undefined ? undefined : signals[second],
      );
      expect(combined).toBe(expected === 'none' ? undefined : signals[expected]);
    },
  );

  it('combineSignals aborts when either of two aborts', () => {
    const first = new AbortController();
    const second = new AbortController();
    const combined = combineSignals(first.signal, second.signal);
    second.abort('second');
    expect(combined?.aborted).toBe(true);
    expect(combined?.reason).toBe('second');
  });
});
