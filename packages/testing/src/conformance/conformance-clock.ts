import type { ProviderRouteMap } from '../mocks/provider-routes';

/** The kit's virtual time when neither the options nor the fixtures say otherwise. */
export const DEFAULT_CONFORMANCE_NOW = '2025-01-15T12:00:00.000Z';

/** The virtual time of every conformance run, and where it came from (for messages). */
export interface ConformanceClock {
  nowMs: number;
  /** e.g. `declared in clock.now`, `one minute after the latest time in the fixtures`. */
  source: string;
}

// An ISO 8601 date-time with a zone, as providers write them. Anchored and without nested
// quantifiers, so matching is linear.
const isoDateTime =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
// Keys that name a moment after the data was taken (an expiry, a reset, a deadline): they
// say nothing about how fresh the data is.
const futureKey = /expir|until|not_?after|deadline|reset|next|due|scheduled|valid_to/i;
const MAX_DEPTH = 32;
const MAX_NODES = 50_000;
const ONE_MINUTE_MS = 60_000;

/**
 * The virtual "now" of the runs: `declared` (`clock.now` in the options) when given, otherwise
 * one minute after the latest date-time in the happy-path JSON bodies (keys that name a future
 * moment, such as `expires_at`, left out), so the fixtures' data is fresh; otherwise
 * {@link DEFAULT_CONFORMANCE_NOW}. Routes given as functions or `Response`s are not read.
 *
 * @throws TypeError naming `clock.now` when it is not an ISO 8601 date-time.
 */
export function resolveConformanceClock(
  declared: string | undefined,
  routes: ProviderRouteMap,
): ConformanceClock {
  if (declared !== undefined) {
    const nowMs = isoDateTime.test(declared) ? Date.parse(declared) : Number.NaN;
    if (Number.isNaN(nowMs)) {
      throw new TypeError(
        `clock.now must be an ISO 8601 date-time with a zone, e.g. "2025-01-15T12:00:00Z"; got ${JSON.stringify(declared)}`,
      );
    }
    return { nowMs, source: `clock.now (${new Date(nowMs).toISOString()})` };
  }
  let latest: number | undefined;
  for (const route of Object.values(routes)) {
    for (const reply of Array.isArray(route) ? route : [route]) {
      if (typeof reply !== 'object' || reply === null || !('json' in reply)) continue;
      const found = latestDataTime(reply.json);
      if (found !== undefined && (latest === undefined || found > latest)) latest = found;
    }
  }
  if (latest === undefined) {
    return {
      nowMs: Date.parse(DEFAULT_CONFORMANCE_NOW),
      source: `the kit's default (${DEFAULT_CONFORMANCE_NOW}: no date-time in the fixtures)`,
    };
  }
  const nowMs = latest + ONE_MINUTE_MS;
  return {
    nowMs,
    source: `one minute after the latest date-time in the fixtures (${new Date(nowMs).toISOString()})`,
  };
}

/** The latest data time in a JSON body, bounded in depth and size. */
export function latestDataTime(body: unknown): number | undefined {
  let latest: number | undefined;
  let nodes = 0;
  const visit = (value: unknown, key: string, depth: number) => {
    nodes += 1;
    if (nodes > MAX_NODES || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      if (value.length > 40 || futureKey.test(key) || !isoDateTime.test(value)) return;
      const ms = Date.parse(value);
      if (!Number.isNaN(ms) && (latest === undefined || ms > latest)) latest = ms;
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key, depth + 1);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) visit(item, name, depth + 1);
    }
  };
  visit(body, '', 0);
  return latest;
}
