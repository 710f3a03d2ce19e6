import { describe, expect, it } from 'vitest';
import { applySchemaDrift, createVirtualClock, FAULT_SCENARIOS } from '../src/index';

describe('createVirtualClock', () => {
  it('resolves waits at once, records them and advances time', async () => {
    const clock = createVirtualClock({ maxWaitMs: 1000, startMs: 0 });
    await clock.sleep(250);
    await clock.sleep(1000);
    expect(clock.waits).toEqual([250, 1000]);
    expect(clock.now()).toBe(1250);
  });

  it('holds deadlines until expired, and drops them when their signal aborts', async () => {
    const clock = createVirtualClock({ maxWaitMs: 1000, startMs: 0 });
    let fired = false;
    const deadline = clock.sleep(5000).then(() => {
      fired = true;
    });
    const controller = new AbortController();
    const cancelled = clock.sleep(5000, controller.signal);
    controller.abort(new Error('done'));
    await expect(cancelled).rejects.toThrow('done');
    await new Promise((resolve) => setImmediate(resolve));
    expect(fired).toBe(false);
    expect(clock.pendingDeadlines).toBe(1);
    clock.expireDeadlines();
    await deadline;
    expect(fired).toBe(true);
    expect(clock.now()).toBe(5000);
    expect(clock.waits).toEqual([]);
  });
});

describe('applySchemaDrift', () => {
  const body = { items: [{ id: 'a', count: 2, open: true, note: null }] };
  it.each([
    ['missing', {}],
    ['renamed', { items_v2: [{ id_v2: 'a', count_v2: 2, open_v2: true, note_v2: null }] }],
    ['wrong_type', { items: [{ id: 42, count: 'not a number', open: 'yes', note: null }] }],
  ] as const)('%s', (kind, expected) => {
    expect(applySchemaDrift(body, kind)).toEqual(expected);
  });
});

describe('FAULT_SCENARIOS', () => {
  it('has unique ids and a typed expectation for each', () => {
    const ids = FAULT_SCENARIOS.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const scenario of FAULT_SCENARIOS) {
      expect(scenario.description).not.toBe('');
      if (scenario.expected.outcome === 'unavailable')
        expect(scenario.expected.reasons.length).toBeGreaterThan(0);
    }
  });
});
