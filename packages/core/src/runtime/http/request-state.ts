import { randomUUID } from 'node:crypto';
import type { DescribeHttpError } from '../../contract/v1/http-client-v1';
import type { Redactor } from '../redaction/redactor';
import type { RequestTarget } from './request-target';

/** A per-attempt abort: the deadline or the caller's signal stops the hop in flight. */
export interface AttemptAbort {
  readonly aborted: boolean;
  readonly reason: unknown;
  /**
   * Sets what runs when the attempt aborts (one slot: the hop in flight). Runs at once when
   * the attempt has already aborted.
   */
  onAbort(listener: ((reason: unknown) => void) | undefined): void;
  /** An `AbortSignal` of the attempt, built only for consumers that need one. */
  readonly signal: AbortSignal;
}

/**
 * Everything one request carries through the pipeline, in one object: each stage reads what
 * it needs and sets what it owns, instead of capturing the request in closures. Values are
 * computed once; the redacted URL and the request id only when something reads them.
 */
export class RequestState {
  readonly method: string;
  /** Where the first hop goes. */
  readonly target: RequestTarget;
  /** The current hop (the redirect stage moves it; every attempt starts at `target`). */
  hop: RequestTarget;
  /** Headers of every attempt, lower-case names (the cache adds its conditional ones). */
  headers: Record<string, string>;
  /** Headers of the current hop (a cross-origin redirect drops the credential). */
  hopHeaders: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
  /** The header that carries the credential, dropped on a cross-origin redirect. */
  readonly authorizationHeaderName: string | undefined;
  /**
   * What aborts the work below the stage that set it: the caller's signal(s), and below the
   * cache, the shared flight's signal.
   */
  signal: AbortSignal | undefined;
  readonly idempotent: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Statuses besides 2xx that are answers (a revalidation adds 304). */
  acceptStatus: ReadonlySet<number>;
  readonly describeError: DescribeHttpError | undefined;
  /** The attempt in flight, set by the attempt stage. */
  attempt: AttemptAbort | undefined;
  /** The cache key, when the request may be answered from the cache. */
  cacheKey: string | undefined = undefined;
  /** The attempt number (1 for the first), set by the retry stage. */
  attemptNumber = 1;
  /** Set by the cache stage: the body came from the cache (fresh, or confirmed by a 304). */
  fromCache = false;
  /** Set by the cache stage: the provider answered 304 to a revalidation. */
  notModified = false;
  /** How long the last attempt that reached the provider took. */
  lastDurationMs: number | undefined;
  readonly #source: URL | string;
  readonly #redactor: Redactor;
  #redactedUrl: string | undefined;
  #requestId: string | undefined;

  constructor(fields: {
    method: string;
    target: RequestTarget;
    headers: Record<string, string>;
    body: string | Uint8Array | undefined;
    authorizationHeaderName: string | undefined;
    signal: AbortSignal | undefined;
    idempotent: boolean;
    timeoutMs: number;
    maxBytes: number;
    acceptStatus: ReadonlySet<number>;
    describeError: DescribeHttpError | undefined;
    redactor: Redactor;
  }) {
    this.method = fields.method;
    this.target = fields.target;
    this.hop = fields.target;
    this.headers = fields.headers;
    this.hopHeaders = fields.headers;
    this.body = fields.body;
    this.authorizationHeaderName = fields.authorizationHeaderName;
    this.signal = fields.signal;
    this.idempotent = fields.idempotent;
    this.timeoutMs = fields.timeoutMs;
    this.maxBytes = fields.maxBytes;
    this.acceptStatus = fields.acceptStatus;
    this.describeError = fields.describeError;
    this.attempt = undefined;
    this.lastDurationMs = undefined;
    this.#source = fields.target.parsed ?? fields.target.href;
    this.#redactor = fields.redactor;
  }

  /** The redacted URL of the request, for errors, events and the response; built on first read. */
  get redactedUrl(): string {
    this.#redactedUrl ??= this.#redactor.redactUrl(this.#source);
    return this.#redactedUrl;
  }

  /** The request's id in events, made on first use: most runs observe no event. */
  get requestId(): string {
    this.#requestId ??= randomUUID();
    return this.#requestId;
  }
}

/**
 * A request's method and redacted URL for the retry loop and the limiter's errors, read only
 * when an error is built. A class with the getter on its prototype, not an object literal
 * with a getter: each such literal gets a hidden class of its own, which V8 keeps in the old
 * generation, pointing at the request, so every request outlived young-generation GCs.
 */
export class RequestIdentity {
  readonly #state: RequestState;

  constructor(state: RequestState) {
    this.#state = state;
  }

  get method(): string {
    return this.#state.method;
  }

  get url(): string {
    return this.#state.redactedUrl;
  }
}
