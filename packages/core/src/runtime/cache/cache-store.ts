import { LRUCache } from 'lru-cache';

/** A cached HTTP response: plain data only, so any store (Redis, a file) can hold it. */
export interface CachedResponse {
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The body as text. */
  body: string;
  etag?: string;
  lastModified?: string;
  /** Epoch ms when the entry was stored or last revalidated. */
  storedAt: number;
  /** Epoch ms until which the entry may be served without asking the provider. */
  freshUntil: number;
}

/**
 * Where HTTP responses are cached. The default is in-process (lru-cache); a Redis-backed
 * store can share entries across processes. Keys never contain secrets.
 */
export interface CacheStore {
  get(key: string): Promise<CachedResponse | undefined> | CachedResponse | undefined;
  /** Stores `entry`; the store may drop it after `ttlMs`. */
  set(key: string, entry: CachedResponse, options: { ttlMs: number }): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

/** Options of the in-process cache store. */
export interface LruCacheStoreOptions {
  /** Most entries kept. Default 500. */
  maxEntries?: number;
  /**
   * Most bytes kept, counting each entry's body, headers and a fixed overhead (UTF-16 string
   * sizes, as the heap holds them). Default 32 MiB: the cache stays bounded in memory
   * whatever the bodies' sizes.
   */
  maxBytes?: number;
}

/** The default memory bound of the in-process cache store. */
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

// What an entry costs besides its strings: the object, its header record, the LRU's slots.
const ENTRY_OVERHEAD_BYTES = 256;

/** The heap an entry holds, approximately: strings count two bytes a character. */
function entrySize(entry: CachedResponse): number {
  let characters = entry.body.length;
  for (const name in entry.headers) characters += name.length + (entry.headers[name]?.length ?? 0);
  return ENTRY_OVERHEAD_BYTES + characters * 2;
}

/** An in-process `CacheStore` on lru-cache, bounded by entry count and by bytes. */
export function createLruCacheStore(options: LruCacheStoreOptions = {}): CacheStore {
  const cache = new LRUCache<string, CachedResponse>({
    max: options.maxEntries ?? 500,
    maxSize: options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES,
    // An entry larger than the whole bound is not stored (lru-cache refuses it).
    sizeCalculation: entrySize,
  });
  return {
    get: (key) => cache.get(key),
    set: (key, entry, { ttlMs }) => {
      cache.set(key, entry, { ttl: Math.max(1, ttlMs) });
    },
    delete: (key) => {
      cache.delete(key);
    },
  };
}
