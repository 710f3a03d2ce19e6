import diagnosticsChannel from 'node:diagnostics_channel';
import type { Logger } from '../logger';
import type { Redactor } from '../redaction/redactor';
import type { RuntimeEvent, RuntimeEventType } from './runtime-event';
import { RUNTIME_EVENT_CHANNELS } from './runtime-event-channels';

export { RUNTIME_EVENT_CHANNELS } from './runtime-event-channels';

/** Where the runtime reports what it does. */
export interface RuntimeEventEmitter {
  /** Redacts the event and publishes it; never throws and never changes the request's outcome. */
  emit(event: RuntimeEvent): void;
  /**
   * Whether an event of `type` would reach anyone now (a channel subscriber, a logger). The
   * pipeline skips building events nobody receives; an emitter without it gets every event.
   */
  isObserved?(type: RuntimeEventType): boolean;
}

/** Options of {@link createRuntimeEventEmitter}. */
export interface RuntimeEventEmitterOptions {
  /** Receives every event at debug level. Nothing is logged without one. */
  logger?: Logger;
  /** Masks URLs and messages before an event leaves. */
  redactor: Redactor;
}

const LOG_MESSAGES: Record<RuntimeEventType, string> = {
  'request.start': 'evidencekit request started',
  'request.end': 'evidencekit request ended',
  retry: 'evidencekit request retry scheduled',
  'rate-limit.wait': 'evidencekit waiting for rate-limit budget',
  'cache.hit': 'evidencekit cache hit',
  'cache.revalidated': 'evidencekit cache revalidated',
};

// Fields holding URLs go through URL redaction (userinfo, query parameters); other strings
// through text redaction.
const URL_FIELDS: ReadonlySet<string> = new Set(['url', 'origin']);

/**
 * Creates the emitter the HTTP pipeline reports to. Each event goes to its
 * `node:diagnostics_channel` channel (only when someone subscribed) and to
 * `logger.debug(event, message)` when a logger was given. Redaction runs only when the event
 * has somewhere to go.
 */
export function createRuntimeEventEmitter(
  options: RuntimeEventEmitterOptions,
): RuntimeEventEmitter {
  const { logger, redactor } = options;
  const channels = new Map(
    Object.entries(RUNTIME_EVENT_CHANNELS).map(([type, name]) => [
      type,
      diagnosticsChannel.channel(name),
    ]),
  );

  function redactEvent(event: RuntimeEvent): RuntimeEvent {
    const redacted: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(event)) {
      if (typeof value !== 'string' || key === 'type') {
        redacted[key] = value;
      } else {
        redacted[key] = URL_FIELDS.has(key)
          ? redactor.redactUrl(value)
          : redactor.redactText(value);
      }
    }
    return redacted as RuntimeEvent;
  }

  return {
    isObserved(type) {
      return logger !== undefined || channels.get(type)?.hasSubscribers === true;
    },
    emit(event) {
      const channel = channels.get(event.type);
      const publish = channel?.hasSubscribers === true;
      if (!publish && logger === undefined) return;
      const redacted = redactEvent(event);
      if (publish) channel?.publish(redacted);
      if (logger !== undefined) {
        try {
          logger.debug({ ...redacted }, LOG_MESSAGES[event.type]);
        } catch {
          // Observability must never fail a request; a broken logger loses this line only.
        }
      }
    },
  };
}
