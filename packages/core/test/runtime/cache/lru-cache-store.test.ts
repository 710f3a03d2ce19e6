import { describe, expect, it } from 'vitest';
import {
  type CachedResponse,
  type CacheStore,
  createLruCacheStore,
} from '../../../src/runtime/cache/cache-store';

function entry(body: string, headers: Record<string, string> = {}): CachedResponse {
  return { status: 200, headers, body, storedAt: 0, freshUntil: 0 };
}

/** The in-process store answers synchronously; the interface also allows a promise. */
function bodyOf(store: CacheStore, key: string): string | undefined {
  const found = store.get(key);
  if (found instanceof Promise) throw new Error('expected a synchronous answer');
  return found?.body;
}

describe('createLruCacheStore', () => {
  it('bounds the store by bytes, evicting the least recently used entries', () => {
    // Each entry: 256 bytes of overhead + 1000 characters × 2 bytes = 2256 bytes.
    const store = createLruCacheStore({ maxEntries: 100, maxBytes: 5000 });
    store.set('a', entry('x'.repeat(1000)), { ttlMs: 60_000 });
    store.set('b', entry('y'.repeat(1000)), { ttlMs: 60_000 });
    store.set('c', entry('z'.repeat(1000)), { ttlMs: 60_000 });
    expect(store.get('a')).toBeUndefined();
    expect(bodyOf(store, 'b')).toHaveLength(1000);
    expect(bodyOf(store, 'c')).toHaveLength(1000);
  });

  it('counts headers towards the bound, not only the body', () => {
    const store = createLruCacheStore({ maxEntries: 100, maxBytes: 3000 });
    store.set('small-body-big-headers', entry('{}', { link: 'l'.repeat(2000) }), { ttlMs: 60_000 });
    expect(store.get('small-body-big-headers')).toBeUndefined();
    store.set('small', entry('{}', { etag: '"1"' }), { ttlMs: 60_000 });
    expect(bodyOf(store, 'small')).toBe('{}');
  });

  it('keeps at most maxEntries entries whatever their size', () => {
    const store = createLruCacheStore({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) store.set(key, entry('{}'), { ttlMs: 60_000 });
    expect(['a', 'b', 'c'].map((key) => store.get(key) !== undefined)).toEqual([false, true, true]);
  });
});
