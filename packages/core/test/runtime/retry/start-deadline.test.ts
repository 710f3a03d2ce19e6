import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/runtime/retry/clock';
import { startDeadline } from '../../../src/runtime/retry/start-deadline';
import { createFakeClock } from '../support/fake-clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('startDeadline', () => {
  it('fires once the time has passed on the real clock, and never after being stopped', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    startDeadline(systemClock, 1000, () => fired.push('kept'));
    const stop = startDeadline(systemClock, 1000, () => fired.push('stopped'));
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    stop();
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['kept']);
  });

  it('runs on an injected clock through its sleep, and a stop cancels that sleep', async () => {
    const clock = createFakeClock({ hold: () => true });
    const fired: string[] = [];
    startDeadline(clock, 500, () => fired.push('kept'));
    const stop = startDeadline(clock, 500, () => fired.push('stopped'));
    stop();
    clock.releaseHeld();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fired).toEqual(['kept']);
  });
});
