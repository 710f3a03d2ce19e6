import { describe, expect, it } from 'vitest';
import type { RuntimeEvent, RuntimeEventType } from '../../../src/runtime/events/runtime-event';
import type { RuntimeEventEmitter } from '../../../src/runtime/events/runtime-event-emitter';
import { createTestRuntime, ORIGIN } from '../support/test-runtime';

/** An emitter whose receivers want only `wanted`; records what it was handed anyway. */
function selectiveEmitter(wanted: readonly RuntimeEventType[]) {
  const received: RuntimeEvent[] = [];
  const emitter: RuntimeEventEmitter = {
    isObserved: (type) => wanted.includes(type),
    emit: (event) => received.push(event),
  };
  return { emitter, received };
}

describe('events nobody observes', () => {
  it.each([
    [[], []],
    [['request.end'], ['request.end', 'request.end']],
    [['cache.hit'], []],
    [['cache.revalidated'], ['cache.revalidated']],
    [
      ['request.start', 'request.end', 'cache.revalidated', 'cache.hit'],
      ['request.start', 'request.end', 'request.start', 'request.end', 'cache.revalidated'],
    ],
  ] as const)(
    'with receivers for %j, a miss then a 304 hands over %j',
    async (wanted, expected) => {
      const { emitter, received } = selectiveEmitter(wanted);
      const { pool, bound } = createTestRuntime({ events: emitter });
      pool
        .intercept({ path: '/repo', method: 'GET' })
        .reply(200, { v: 1 }, { headers: { etag: '"1"' } });
      pool
        .intercept({ path: '/repo', method: 'GET', headers: { 'if-none-match': '"1"' } })
        .reply(304, '');
      const client = bound().http({ baseUrl: ORIGIN });
      await client.request({ path: '/repo' });
      const revalidated = await client.request({ path: '/repo' });
      expect(revalidated.notModified).toBe(true);
      // A 304 is never reported as a plain cache hit, observed or not.
      expect(received.map((event) => event.type)).toEqual(expected);
    },
  );

  it('gives every event one request id per call when they are observed', async () => {
    const { emitter, received } = selectiveEmitter(['request.start', 'request.end', 'retry']);
    const { pool, bound } = createTestRuntime({ events: emitter });
    pool.intercept({ path: '/flaky', method: 'GET' }).reply(503, '');
    pool.intercept({ path: '/flaky', method: 'GET' }).reply(200, {});
    await bound().http({ baseUrl: ORIGIN, cache: false }).request({ path: '/flaky' });
    const ids = new Set(
      received.map((event) => ('requestId' in event ? event.requestId : undefined)),
    );
    expect(received.map((event) => event.type)).toEqual([
      'request.start',
      'request.end',
      'retry',
      'request.start',
      'request.end',
    ]);
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
