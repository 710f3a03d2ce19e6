import { describe, expect, it } from 'vitest';
import {
  type DeadlineEntry,
  startSharedDeadline,
  stopSharedDeadline,
} from '../../../src/runtime/http/shared-deadlines';

/** An entry that records its expiry, and a promise of it. */
function entry(log: string[], name: string): DeadlineEntry & { expired: Promise<void> } {
  let told: () => void = () => {};
  const expired = new Promise<void>((resolve) => {
    told = resolve;
  });
  return {
    expired,
    onDeadline() {
      log.push(name);
      told();
    },
  };
}

describe('shared deadlines: one timer per duration for every attempt', () => {
  it.each([
    { name: 'none stopped', stop: [] as number[] },
    { name: 'the first stopped', stop: [0] },
    { name: 'one in the middle stopped', stop: [2] },
    { name: 'every other one stopped', stop: [0, 2, 4] },
    { name: 'one stopped twice', stop: [1, 1] },
  ])('expires, in order, exactly the entries not stopped ($name)', async ({ stop }) => {
    const log: string[] = [];
    // A duration of its own per case, so cases never share a list.
    const ms = 3 + stop.length * 7 + (stop[0] ?? 0);
    const entries = [0, 1, 2, 3, 4, 5].map((index) => entry(log, String(index)));
    for (const each of entries) expect(startSharedDeadline(ms, each)).toBe(true);
    for (const index of stop) stopSharedDeadline(entries[index] as DeadlineEntry);
    // The last entry is never stopped: once it expired, every earlier one has been decided.
    await entries[5]?.expired;
    const expected = [0, 1, 2, 3, 4, 5].filter((index) => !stop.includes(index)).map(String);
    expect(log).toEqual(expected);
  });

  it('clears the links of a stopped entry (it keeps no other attempt alive)', () => {
    const log: string[] = [];
    const first = entry(log, 'a');
    const second = entry(log, 'b');
    const third = entry(log, 'c');
    for (const each of [first, second, third]) startSharedDeadline(60_000, each);
    stopSharedDeadline(second);
    expect([second.deadlineNext, second.deadlinePrevious, second.deadlineList]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(first.deadlineNext).toBe(third);
    stopSharedDeadline(first);
    stopSharedDeadline(third);
    expect(log).toEqual([]);
  });

  it('keeps serving a duration after its list emptied, and after an expiry', async () => {
    const log: string[] = [];
    const early = entry(log, 'early');
    startSharedDeadline(2, early);
    await early.expired;
    const stopped = entry(log, 'stopped');
    startSharedDeadline(2, stopped);
    stopSharedDeadline(stopped);
    const late = entry(log, 'late');
    startSharedDeadline(2, late);
    await late.expired;
    expect(log).toEqual(['early', 'late']);
  });
});
