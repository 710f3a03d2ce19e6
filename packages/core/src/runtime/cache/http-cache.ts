import type { RawHttpResponse } from '../http/raw-http-response';
import type { Clock } from '../retry/clock';
import type { CachedResponse, CacheStore } from './cache-store';
import { type OpenedFlight, SingleFlight } from './single-flight';

/** What the cache answered with. */
export interface HttpCacheResult {
  response: RawHttpResponse;
  /** True when the body came from the cache (a fresh hit or a 304). */
  fromCache: boolean;
  /** True when the provider answered 304 Not Modified to a revalidation. */
  notModified: boolean;
}

/** Sends the request, with the conditional headers to add (empty on a cold cache). */
export type SendForCache = (
  conditionalHeaders: Record<string, string>,
  signal: AbortSignal,
) => Promise<RawHttpResponse>;

/** Options of `HttpCache`. */
export interface HttpCacheOptions {
  store: CacheStore;
  clock: Clock;
  /**
   * How long an entry stays in the store after it stops being fresh, so it can still be
   * revalidated with its ETag / Last-Modified. Default 10 minutes.
   */
  retainMs?: number;
}

/**
 * The HTTP cache of the runtime: serves fresh entries, revalidates stale ones with
 * `If-None-Match` / `If-Modified-Since` (a 304 is served from the cache), stores successful
 * answers, and shares one request between identical concurrent calls (single-flight).
 */
export class HttpCache {
  readonly #options: HttpCacheOptions;
  readonly #flights = new SingleFlight<HttpCacheResult>();
  #asyncStore = false;

  constructor(options: HttpCacheOptions) {
    this.#options = options;
  }

  /**
   * Answers the request under `key` from the cache or through `send`.
   * @param ttlMs how long a new answer is served without asking again (0: always revalidate).
   */
  fetch(
    key: string,
    options: { ttlMs: number; signal?: AbortSignal },
    send: SendForCache,
  ): Promise<HttpCacheResult> {
    return this.#flights.run(
      key,
      (signal) => this.#fetchOnce(key, options.ttlMs, send, signal),
      options.signal,
    );
  }

  async #fetchOnce(
    key: string,
    ttlMs: number,
    send: SendForCache,
    signal: AbortSignal,
  ): Promise<HttpCacheResult> {
    const { store, clock } = this.#options;
    // The in-process store answers synchronously: no await (and no extra tick) then.
    const pending = store.get(key);
    const entry = isPromiseLike(pending) ? await pending : pending;
    const now = clock.now();
    if (entry !== undefined && entry.freshUntil > now) {
      return { response: toRaw(entry), fromCache: true, notModified: false };
    }

    const conditionalHeaders: Record<string, string> = {};
    if (entry?.etag !== undefined) conditionalHeaders['if-none-match'] = entry.etag;
    if (entry?.lastModified !== undefined) {
      conditionalHeaders['if-modified-since'] = entry.lastModified;
    }

    const response = await send(conditionalHeaders, signal);
    if (response.status === 304 && entry !== undefined) {
      const refreshedAt = clock.now();
      const refreshed: CachedResponse = {
        ...entry,
        // A 304 may update validators and caching headers; the body stays.
        headers: { ...entry.headers, ...response.headers },
        storedAt: refreshedAt,
        freshUntil: refreshedAt + ttlMs,
      };
      if (response.headers.etag !== undefined) refreshed.etag = response.headers.etag;
      if (response.headers['last-modified'] !== undefined) {
        refreshed.lastModified = response.headers['last-modified'];
      }
      const storing = this.#store(key, refreshed, ttlMs);
      if (storing !== undefined) await storing;
      return { response: toRaw(refreshed), fromCache: true, notModified: true };
    }

    const storing = this.storeAnswer(key, response, ttlMs);
    if (storing !== undefined) await storing;
    return { response, fromCache: false, notModified: false };
  }

  /**
   * Starts a miss its caller sends itself, without the flight's promise, signal or an async
   * lookup: undefined unless the store answers synchronously that it has no entry for `key`
   * and no flight for it is running. Identical requests join the miss as they would a flight.
   * The caller ends it with `storeAnswer` then the flight's `resolve`, or with its `reject`.
   *
   * @param abortWork - Stops the caller's request when the last caller sharing it leaves.
   */
  openMiss(
    key: string,
    abortWork: (reason: unknown) => void,
  ): OpenedFlight<HttpCacheResult> | undefined {
    // A running flight first: joining it must not cost the store a lookup.
    if (this.#asyncStore || this.#flights.has(key)) return undefined;
    const found = this.#options.store.get(key);
    if (isPromiseLike(found)) {
      // An asynchronous store: every request takes the flight path from now on.
      this.#asyncStore = true;
      found.then(undefined, () => {});
      return undefined;
    }
    if (found !== undefined) return undefined;
    return this.#flights.open(key, abortWork);
  }

  /**
   * Stores a new answer under `key` when it may be used again (a 2xx without `no-store`, with
   * a TTL or a validator), as a miss of `fetch` does; a promise only when the store is
   * asynchronous.
   */
  storeAnswer(key: string, response: RawHttpResponse, ttlMs: number): Promise<void> | undefined {
    if (response.status < 200 || response.status >= 300 || !isStorable(response)) return undefined;
    const etag = response.headers.etag;
    const lastModified = response.headers['last-modified'];
    // Without a TTL or validators an entry could never be used again.
    if (ttlMs <= 0 && etag === undefined && lastModified === undefined) return undefined;
    const storedAt = this.#options.clock.now();
    const stored: CachedResponse = {
      status: response.status,
      headers: response.headers,
      body: response.body,
      storedAt,
      freshUntil: storedAt + ttlMs,
    };
    if (etag !== undefined) stored.etag = etag;
    if (lastModified !== undefined) stored.lastModified = lastModified;
    return this.#store(key, stored, ttlMs);
  }

  /** Stores the entry; a promise only when the store is asynchronous. */
  #store(key: string, entry: CachedResponse, ttlMs: number): Promise<void> | undefined {
    const stored = this.#options.store.set(key, entry, {
      ttlMs: ttlMs + (this.#options.retainMs ?? 600_000),
    });
    return isPromiseLike(stored) ? stored : undefined;
  }
}

/** `no-store` and `private`-less shared caching rules do not apply: one client, one tenant. */
function isStorable(response: RawHttpResponse): boolean {
  const cacheControl = response.headers['cache-control'];
  return cacheControl === undefined || !/\bno-store\b/i.test(cacheControl);
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

function toRaw(entry: CachedResponse): RawHttpResponse {
  return { status: entry.status, headers: entry.headers, body: entry.body };
}
