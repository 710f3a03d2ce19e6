import type { RuntimeEventType } from './runtime-event';

/**
 * The `node:diagnostics_channel` name each runtime event is published on. Subscribe to
 * observe requests without passing a logger:
 *
 * @example
 * ```ts
 * import diagnosticsChannel from 'node:diagnostics_channel';
 * diagnosticsChannel.subscribe(RUNTIME_EVENT_CHANNELS.retry, (event) => metrics.count(event));
 * ```
 */
export const RUNTIME_EVENT_CHANNELS: Readonly<Record<RuntimeEventType, string>> = Object.freeze({
  'request.start': 'evidencekit:request.start',
  'request.end': 'evidencekit:request.end',
  retry: 'evidencekit:retry',
  'rate-limit.wait': 'evidencekit:rate-limit.wait',
  'cache.hit': 'evidencekit:cache.hit',
  'cache.revalidated': 'evidencekit:cache.revalidated',
});
