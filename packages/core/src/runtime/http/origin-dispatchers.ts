import type { Dispatcher, Pool } from 'undici';
import { type ConnectionSettings, connectionFingerprint } from './connection-settings';
import { createGuardedLookup } from './guarded-lookup';
import { type HostResolver, systemHostResolver } from './host-resolver';
import { loadUndici, type UndiciModule } from './load-undici';

/** Keep-alive settings of the per-origin pools. */
export interface OriginPoolOptions {
  /** Connections per origin. Default 8. */
  connections?: number;
  /** How long an idle connection stays open. Default 30 000 ms. */
  keepAliveTimeoutMs?: number;
}

// undici is loaded on the first request, not at import: it is about half of core's import
// time, and hosts that only validate, gate or render evidence never send a request.
let undiciModule: UndiciModule | undefined;

/**
 * Keep-alive undici `Pool`s, owned by the runtime and closed with it: one per origin and
 * connection settings (trusted CAs, destination policy), so a connection opened under one
 * client's trust or policy is never reused by a client with another.
 *
 * When the host passes its own dispatcher (a proxy agent, a `MockAgent`) every request uses
 * that instead, and the host closes it. The host then owns TLS and connections: a client's
 * `tls.ca` is not applied, and a destination policy is checked before each request but cannot
 * pin the connection to the vetted address.
 */
export class OriginDispatchers {
  readonly #pools = new Map<string, Pool>();
  readonly #byConnection = new WeakMap<ConnectionSettings, Map<string, Pool>>();
  #lastConnection: ConnectionSettings | undefined;
  #lastOrigin: string | undefined;
  #lastPool: Pool | undefined;
  readonly #hostDispatcher: Dispatcher | undefined;
  readonly #poolOptions: OriginPoolOptions;
  readonly #resolverIds = new WeakMap<HostResolver, number>();
  #nextResolverId = 1;
  #closed = false;

  constructor(options: { dispatcher?: Dispatcher; pool?: OriginPoolOptions } = {}) {
    this.#hostDispatcher = options.dispatcher;
    this.#poolOptions = options.pool ?? {};
  }

  /**
   * The dispatcher for `origin` (e.g. `https://api.github.com`) under `connection`. The first
   * call of a process loads undici.
   * @throws Error when the runtime is closed, or undici cannot be loaded.
   */
  forOrigin(origin: string, connection: ConnectionSettings = {}): Dispatcher {
    if (this.#hostDispatcher !== undefined) return this.#hostDispatcher;
    if (this.#closed) throw new Error('The Evidencekit runtime is closed.');
    // A client passes the same settings object with every request: its pools are found
    // without building the pool key again (which hashes trusted CAs).
    if (connection === this.#lastConnection && origin === this.#lastOrigin) {
      return this.#lastPool as Pool;
    }
    let byOrigin = this.#byConnection.get(connection);
    const known = byOrigin?.get(origin);
    if (known !== undefined) return this.#remember(connection, origin, known);
    undiciModule ??= loadUndici();
    const undici = undiciModule;
    const key = this.#poolKey(origin, connection);
    let pool = this.#pools.get(key);
    if (pool === undefined) {
      const { ca, destinationPolicy } = connection;
      const connect = {
        ...(ca === undefined || ca.length === 0 ? {} : { ca: [...ca] }),
        // Runs for every new connection: a rebinding between requests is caught at connect.
        ...(destinationPolicy === undefined
          ? {}
          : { lookup: createGuardedLookup(destinationPolicy) }),
      };
      pool = new undici.Pool(origin, {
        connections: this.#poolOptions.connections ?? 8,
        keepAliveTimeout: this.#poolOptions.keepAliveTimeoutMs ?? 30_000,
        ...(Object.keys(connect).length === 0 ? {} : { connect }),
      });
      this.#pools.set(key, pool);
    }
    if (byOrigin === undefined) {
      byOrigin = new Map();
      this.#byConnection.set(connection, byOrigin);
    }
    byOrigin.set(origin, pool);
    return this.#remember(connection, origin, pool);
  }

  /** Closes every pool the runtime opened; a host dispatcher is left open. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#lastConnection = undefined;
    this.#lastPool = undefined;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  /** The last pool handed out: most requests of a run go to the origin of the one before. */
  #remember(connection: ConnectionSettings, origin: string, pool: Pool): Pool {
    this.#lastConnection = connection;
    this.#lastOrigin = origin;
    this.#lastPool = pool;
    return pool;
  }

  #poolKey(origin: string, connection: ConnectionSettings): string {
    const fingerprint = connectionFingerprint(connection);
    if (fingerprint === undefined) return origin;
    const policy = connection.destinationPolicy;
    if (policy === undefined) return `${origin} ${fingerprint}`;
    // Equal policies with different resolvers may vet differently: separate pools.
    return `${origin} ${fingerprint} resolver-${this.#resolverId(policy.resolveHost ?? systemHostResolver)}`;
  }

  #resolverId(resolver: HostResolver): number {
    let id = this.#resolverIds.get(resolver);
    if (id === undefined) {
      id = this.#nextResolverId++;
      this.#resolverIds.set(resolver, id);
    }
    return id;
  }
}
