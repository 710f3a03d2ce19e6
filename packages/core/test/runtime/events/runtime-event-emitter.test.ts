import diagnosticsChannel from 'node:diagnostics_channel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeEvent } from '../../../src/runtime/events/runtime-event';
import {
  createRuntimeEventEmitter,
  RUNTIME_EVENT_CHANNELS,
} from '../../../src/runtime/events/runtime-event-emitter';
import type { Logger } from '../../../src/runtime/logger';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';

const secret = 'sekret-token-4242';

function recordingLogger() {
  return {
    debug: vi.fn<Logger['debug']>(),
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  };
}

const events: RuntimeEvent[] = [
  {
    type: 'request.start',
    requestId: 'r1',
    method: 'GET',
    url: 'https://a.example.com/',
    attempt: 1,
  },
  {
    type: 'request.end',
    requestId: 'r1',
    method: 'GET',
    url: 'https://a.example.com/',
    status: 200,
    durationMs: 12,
    fromCache: false,
  },
  {
    type: 'retry',
    requestId: 'r1',
    url: 'https://a.example.com/',
    attempt: 2,
    delayMs: 100,
    reason: '503',
  },
  { type: 'rate-limit.wait', origin: 'https://a.example.com', delayMs: 50, reason: 'budget' },
  { type: 'cache.hit', url: 'https://a.example.com/', revalidated: false },
  { type: 'cache.revalidated', url: 'https://a.example.com/', notModified: true },
];

const unsubscribers: Array<() => void> = [];
afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

function subscribe(name: string): unknown[] {
  const received: unknown[] = [];
  const listener = (message: unknown) => received.push(message);
  diagnosticsChannel.subscribe(name, listener);
  unsubscribers.push(() => diagnosticsChannel.unsubscribe(name, listener));
  return received;
}

describe('RUNTIME_EVENT_CHANNELS', () => {
  it('names one evidencekit channel per event type', () => {
    expect(RUNTIME_EVENT_CHANNELS).toEqual({
      'request.start': 'evidencekit:request.start',
      'request.end': 'evidencekit:request.end',
      retry: 'evidencekit:retry',
      'rate-limit.wait': 'evidencekit:rate-limit.wait',
      'cache.hit': 'evidencekit:cache.hit',
      'cache.revalidated': 'evidencekit:cache.revalidated',
    });
  });
});

describe('createRuntimeEventEmitter', () => {
  it.each(events.map((event) => [event.type, event] as const))(
    'publishes %s on its channel and logs it at debug level',
    (type, event) => {
      const received = subscribe(RUNTIME_EVENT_CHANNELS[type]);
      const logger = recordingLogger();
      createRuntimeEventEmitter({ logger, redactor: createRedactor() }).emit(event);
      expect(received).toEqual([event]);
      expect(logger.debug).toHaveBeenCalledTimes(1);
      expect(logger.debug.mock.calls[0]?.[0]).toEqual(event);
      expect(logger.debug.mock.calls[0]?.[1]).toEqual(expect.stringContaining('evidencekit'));
      expect(logger.info).not.toHaveBeenCalled();
    },
  );

  it('publishes only to the channel of the event type', () => {
    const retries = subscribe(RUNTIME_EVENT_CHANNELS.retry);
    createRuntimeEventEmitter({ redactor: createRedactor() }).emit(events[0] as RuntimeEvent);
    expect(retries).toEqual([]);
  });

  it('redacts URLs, origins and messages before they leave', () => {
    const redactor = createRedactor();
    redactor.register(secret);
    const received = subscribe(RUNTIME_EVENT_CHANNELS['request.end']);
    const waits = subscribe(RUNTIME_EVENT_CHANNELS['rate-limit.wait']);
    const logger = recordingLogger();
    const emitter = createRuntimeEventEmitter({ logger, redactor });
    emitter.emit({
      type: 'request.end',
      requestId: 'r2',
      connectorId: 'github',
      method: 'GET',
      url: `https://user:pw@api.example.com/x?access_token=abc&page=2&q=${secret}`,
      durationMs: 5,
      fromCache: false,
      error: `request failed: Authorization: Bearer ${secret}`,
    });
    emitter.emit({
      type: 'rate-limit.wait',
      origin: 'https://user:pw@api.example.com',
      delayMs: 1,
      reason: `limit for ${secret}`,
    });
    const output = JSON.stringify([received, waits, logger.debug.mock.calls]);
    expect(output).not.toContain(secret);
    expect(output).not.toContain('pw@');
    expect(output).not.toContain('access_token=abc');
    expect(received[0]).toMatchObject({
      url: `https://${REDACTED}@api.example.com/x?access_token=${REDACTED}&page=2&q=${REDACTED}`,
      error: `request failed: Authorization: Bearer ${REDACTED}`,
      connectorId: 'github',
    });
  });

  it('does nothing without a logger or subscribers, and does not redact for nobody', () => {
    const redactor = createRedactor();
    const redactUrl = vi.spyOn(redactor, 'redactUrl');
    const redactText = vi.spyOn(redactor, 'redactText');
    createRuntimeEventEmitter({ redactor }).emit(events[2] as RuntimeEvent);
    expect(redactUrl).not.toHaveBeenCalled();
    expect(redactText).not.toHaveBeenCalled();
  });

  it('says an event type is observed only with a logger or a subscriber of its channel', () => {
    const redactor = createRedactor();
    expect(createRuntimeEventEmitter({ redactor }).isObserved?.('retry')).toBe(false);
    expect(
      createRuntimeEventEmitter({ redactor, logger: recordingLogger() }).isObserved?.('retry'),
    ).toBe(true);
    const listener = () => {};
    diagnosticsChannel.subscribe(RUNTIME_EVENT_CHANNELS.retry, listener);
    try {
      const emitter = createRuntimeEventEmitter({ redactor });
      expect(emitter.isObserved?.('retry')).toBe(true);
      expect(emitter.isObserved?.('request.start')).toBe(false);
    } finally {
      diagnosticsChannel.unsubscribe(RUNTIME_EVENT_CHANNELS.retry, listener);
    }
  });

  it('does not let a throwing logger fail the caller', () => {
    const logger = recordingLogger();
    logger.debug.mockImplementation(() => {
      throw new Error('logger broke');
    });
    const emitter = createRuntimeEventEmitter({ logger, redactor: createRedactor() });
    expect(() => emitter.emit(events[0] as RuntimeEvent)).not.toThrow();
  });
});
