import { type Dispatcher, Pool } from 'undici';

/** Keep-alive settings of the per-origin pools. */
export interface OriginPoolOptions {
  /** Connections per origin. Default 8. */
  connections?: number;
  /** How long an idle connection stays open. Default 30 000 ms. */
  keepAliveTimeoutMs?: number;
}

/**
 * One keep-alive undici `Pool` per origin, owned by the runtime and closed with it. When the
 * host passes its own dispatcher (a proxy agent, a `MockAgent`) every request uses that
 * instead, and the host closes it.
 */
export class OriginDispatchers {
  readonly #pools = new Map<string, Pool>();
  readonly #hostDispatcher: Dispatcher | undefined;
  readonly #poolOptions: OriginPoolOptions;
  #closed = false;

  constructor(options: { dispatcher?: Dispatcher; pool?: OriginPoolOptions } = {}) {
    this.#hostDispatcher = options.dispatcher;
    this.#poolOptions = options.pool ?? {};
  }

  /** The dispatcher for `origin` (e.g. `https://api.github.com`). */
  forOrigin(origin: string): Dispatcher {
    if (this.#hostDispatcher !== undefined) return this.#hostDispatcher;
    if (this.#closed) throw new Error('The Evidencekit runtime is closed.');
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: this.#poolOptions.connections ?? 8,
        keepAliveTimeout: this.#poolOptions.keepAliveTimeoutMs ?? 30_000,
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  /** Number of pools opened (for diagnostics and tests). */
  get poolCount(): number {
    return this.#pools.size;
  }

  /** Closes every pool the runtime opened; a host dispatcher is left open. */
  async close(): Promise<void> {
    this.#closed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
