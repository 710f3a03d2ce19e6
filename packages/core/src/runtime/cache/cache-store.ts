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
  /** Most bytes of bodies kept. Default 50 MiB. */
  maxBytes?: number;
}

/** An in-process `CacheStore` on lru-cache, bounded by entry count and body size. */
export function createLruCacheStore(options: LruCacheStoreOptions = {}): CacheStore {
  const cache = new LRUCache<string, CachedResponse>({
    max: options.maxEntries ?? 500,
    maxSize: options.maxBytes ?? 50 * 1024 * 1024,
    sizeCalculation: (entry) => Math.max(1, entry.body.length),
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
