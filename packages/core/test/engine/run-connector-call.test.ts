import { describe, expect, it } from 'vitest';
import { runConnectorCall } from '../../src/engine/run-connector-call';
import { DeadlineExceededError } from '../../src/errors/deadline-exceeded-error';

const never = () => new Promise<never>(() => {});

describe('runConnectorCall: a connector method under the deadline and the run signal', () => {
  it.each([
    {
      name: 'a result',
      call: async () => 'done',
      expected: { resolves: 'done' },
    },
    {
      name: 'a rejection',
      call: async () => Promise.reject(new Error('provider down')),
      expected: { rejects: 'provider down' },
    },
    {
      name: 'a synchronous throw (a rejection, never an uncaught throw)',
      call: (): Promise<string> => {
        throw new Error('thrown before any promise');
      },
      expected: { rejects: 'thrown before any promise' },
    },
  ])('settles like the call for $name', async ({ call, expected }) => {
    const outcome = runConnectorCall(call, { timeoutMs: 60_000, what: 'doCollect' });
    if ('resolves' in expected) await expect(outcome).resolves.toBe(expected.resolves);
    else await expect(outcome).rejects.toThrow(expected.rejects);
  });

  it('stops waiting at the deadline for a call that ignores its signal, with a typed error', async () => {
    let seen: AbortSignal | undefined;
    const outcome = runConnectorCall(
      (signal) => {
        seen = signal;
        return never();
      },
      { timeoutMs: 5, what: 'doCollect' },
    );
    const error = await outcome.catch((caught: unknown) => caught);
    expect(DeadlineExceededError.isInstance(error)).toBe(true);
    expect(seen?.aborted).toBe(true);
  });

  it.each([
    { name: 'aborts during the call', abortBefore: false },
    { name: 'had already aborted', abortBefore: true },
  ])('rejects with the run signal’s reason when it $name', async ({ abortBefore }) => {
    const run = new AbortController();
    const reason = new Error('run cancelled');
    if (abortBefore) run.abort(reason);
    const outcome = runConnectorCall(
      () => {
        return never();
      },
      { timeoutMs: 60_000, signal: run.signal, what: 'doCheck' },
    );
    run.abort(reason);
    await expect(outcome).rejects.toBe(reason);
  });

  it('leaves no listener on the run signal once the call settled', async () => {
    const run = new AbortController();
    let listeners = 0;
    const signal = run.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners -= 1;
      remove(...args);
    }) as typeof signal.removeEventListener;
    await runConnectorCall(async () => 1, { timeoutMs: 60_000, signal, what: 'doCollect' });
    await runConnectorCall(async () => Promise.reject(new Error('x')), {
      timeoutMs: 60_000,
      signal,
      what: 'doCollect',
    }).catch(() => {});
    expect(listeners).toBe(0);
  });
});
