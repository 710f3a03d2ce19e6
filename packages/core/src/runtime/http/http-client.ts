import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { ApiCallError } from '../../errors/api-call-error';
import { ConfigurationError } from '../../errors/configuration-error';
import { DestinationRefusedError } from '../../errors/destination-refused-error';
import { RedirectError, type RedirectFailureKind } from '../../errors/redirect-error';
import { ResponseTooLargeError } from '../../errors/response-too-large-error';
import { credentialFingerprint, httpCacheKey } from '../cache/cache-key';
import type { HttpCache, HttpCacheResult } from '../cache/http-cache';
import type { RuntimeEventType } from '../events/runtime-event';
import type { RuntimeEventEmitter } from '../events/runtime-event-emitter';
import {
  type PageResponse,
  type PaginationLimits,
  type PaginationStrategy,
  paginatePages,
} from '../pagination/paginate';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { Redactor } from '../redaction/redactor';
import type { Clock } from '../retry/clock';
import { parseRetryAfter } from '../retry/parse-retry-after';
import { cancelledError, retryApiCall } from '../retry/retry-api-call';
import { isIdempotentMethod, type ResolvedRetryPolicy } from '../retry/retry-policy';
import { startDeadline } from '../retry/start-deadline';
import type { SecretResolver } from '../secrets/secret-resolver';
import { buildRequestUrl, parseBaseUrl, type QueryParameters } from './build-request-url';
import { classifyHttpStatus } from './classify-http-status';
import { classifyTransportError, type TransportClassification } from './classify-transport-error';
import { type ConnectionSettings, connectionFingerprint } from './connection-settings';
import { describeThrown } from './describe-thrown';
import type { DestinationPolicy } from './destination-policy';
import { type AuthorizationHeader, type HttpAuth, resolveAuthorizationHeader } from './http-auth';
import type { OriginDispatchers } from './origin-dispatchers';
import { bodyExcerpt, parseResponseBody, stringHeaders } from './parse-response-body';
import type { RawHttpResponse } from './raw-http-response';
import { BodyLimitExceeded, readBodyWithLimit } from './read-body-with-limit';
import { vetUrl } from './vet-destination';

/** Settings of one provider client, usually built once per connector call. */
export interface HttpClientOptions {
  /** Every path is relative to this, e.g. `https://api.github.com` or `https://host/api/v4`. */
  baseUrl: string;
  /** Headers sent with every request (never credentials: use `auth`). */
  headers?: Record<string, string>;
  /** The credential, resolved from its secret reference at request time. */
  auth?: HttpAuth;
  /** Deadline of one attempt (headers and body). Default: the runtime's (30 000 ms). */
  timeoutMs?: number;
  /** Largest body read. Default: the runtime's (10 MiB). */
  maxResponseBytes?: number;
  /**
   * Caching of GET/HEAD answers. `true` (the default): revalidate with ETag/Last-Modified on
   * every call and share identical concurrent calls; `{ ttlMs }` also serves answers without
   * asking for that long; `false` turns caching off.
   */
  cache?: boolean | { ttlMs?: number };
  /** Redirects followed for GET/HEAD. Default 3. */
  maxRedirects?: number;
  /** Other origins a redirect may lead to (credentials are never sent there). */
  allowedRedirectOrigins?: readonly string[];
  /**
   * TLS settings of this client's connections. `ca`: the PEM certificate(s) to trust for
   * `https:` origins instead of Node's default CA store, e.g. a Kubernetes cluster CA. The
   * runtime opens separate pools for it. Not applied when the host gave the runtime its own
   * `dispatcher`: the host owns TLS then.
   */
  tls?: { ca?: string | readonly string[] };
  /**
   * Where this client may connect, for URLs that come from users rather than a fixed provider
   * API (SSRF protection). Every request URL and every redirect `Location` is vetted before it
   * is sent, and the runtime's dedicated pools re-check the resolved address on every new
   * connection, so DNS rebinding cannot swap it. A refusal is a `DestinationRefusedError`
   * (`config`, never retried). With a host `dispatcher` the URL is still vetted before each
   * request, but the connection cannot be pinned.
   */
  destinationPolicy?: DestinationPolicy;
}

/** One request. */
export interface HttpRequestOptions<T> {
  /** Default `GET`. */
  method?: string;
  /** Relative to `baseUrl`, or an absolute URL on the same origin. */
  path: string;
  query?: QueryParameters;
  headers?: Record<string, string>;
  /** A string or bytes are sent as is; anything else as JSON. */
  body?: unknown;
  /** Validates the parsed body; a mismatch is an `InvalidResponseError` naming the paths. */
  schema?: z.ZodType<T>;
  /** Lets a non-idempotent method (POST, PATCH) be retried. */
  idempotent?: boolean;
  /** `no-store` bypasses the cache for this request. */
  cache?: 'default' | 'no-store';
  /** Error statuses that count as answers here (e.g. `[404]` to test existence). */
  acceptStatus?: readonly number[];
  /** Aborts this request; the bound call's signal always applies too. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt deadline. */
  timeoutMs?: number;
  /** `json` (default) or `text`. */
  responseType?: 'json' | 'text';
}

/** An answer. */
export interface HttpResponse<T> {
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  data: T;
  /** The redacted URL of the request. */
  url: string;
  /** True when the body came from the cache (fresh, or confirmed by a 304). */
  fromCache: boolean;
  /** True when the provider answered 304 Not Modified. */
  notModified: boolean;
  /**
   * How long the last attempt took, in milliseconds on the runtime's clock: from sending the
   * request (redirects included) to the end of the body. Retry and rate-limit waits are not
   * included. 0 when no request was sent for this call (an answer still fresh in the cache).
   */
  durationMs: number;
}

/** A request paginated by `HttpClient.paginate`. */
export type PaginatedRequest<TPage> = Omit<HttpRequestOptions<TPage>, 'method' | 'body'> &
  PaginationLimits;

/** The HTTP client a connector gets from `runtime.http(...)`. */
export interface HttpClient {
  /** Sends a request through the runtime's rate limiter, cache and retry policy. */
  request<T = unknown>(options: HttpRequestOptions<T>): Promise<HttpResponse<T>>;
  /** GETs `path` and returns the validated JSON body. */
  getJson<T>(
    path: string,
    schema: z.ZodType<T>,
    options?: Omit<HttpRequestOptions<T>, 'path' | 'schema' | 'method'>,
  ): Promise<T>;
  /**
   * The items of every page, as an async iterable: `items` picks them from each page;
   * `strategy` says how pages link (Link header, cursor, page numbers).
   */
  paginate<TPage, TItem>(
    request: PaginatedRequest<TPage>,
    strategy: PaginationStrategy<TPage>,
    items: (page: TPage) => readonly TItem[],
  ): AsyncIterable<TItem>;
  /** The pages themselves, for callers that need headers or page-level fields. */
  paginatePages<TPage>(
    request: PaginatedRequest<TPage>,
    strategy: PaginationStrategy<TPage>,
  ): AsyncIterable<HttpResponse<TPage>>;
}

/** What the runtime shares with every client of one bound call. */
export interface HttpPipeline {
  dispatchers: OriginDispatchers;
  rateLimiter: RateLimiter;
  /** Undefined when the host turned caching off. */
  cache: HttpCache | undefined;
  clock: Clock;
  redactor: Redactor;
  secrets: SecretResolver;
  events: RuntimeEventEmitter;
  retryPolicy: ResolvedRetryPolicy;
  defaultTimeoutMs: number;
  defaultMaxResponseBytes: number;
  userAgent: string;
  connectorId?: string;
  /** The bound call's signal: every request stops when it aborts. */
  signal?: AbortSignal;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ERROR_BODY_LIMIT = 64 * 1024;

/** Marks an abort caused by the per-attempt deadline, not by the caller. */
class AttemptTimeout extends Error {}

// Most requests accept no extra status: one shared empty set instead of one per request.
const NO_EXTRA_STATUSES: ReadonlySet<number> = new Set();

/** Creates a client on the runtime's shared pipeline. */
export function createHttpClient(options: HttpClientOptions, pipeline: HttpPipeline): HttpClient {
  const { clock, redactor } = pipeline;
  const cacheTtlMs =
    options.cache === false
      ? undefined
      : typeof options.cache === 'object'
        ? (options.cache.ttlMs ?? 0)
        : 0;
  const maxResponseBytes = options.maxResponseBytes ?? pipeline.defaultMaxResponseBytes;
  const connection = connectionSettings(options);
  const connectionKey = connectionFingerprint(connection);
  // Parsed once per client, not per request. An invalid base URL fails every request with a
  // ConfigurationError (never at creation: building a client never throws).
  let parsedBaseUrl: URL | undefined;
  const baseUrl = (): URL => {
    parsedBaseUrl ??= parseBaseUrl(options.baseUrl);
    return parsedBaseUrl;
  };
  let redirectOrigins: ReadonlySet<string> | undefined;
  const allowedRedirectOrigins = (): ReadonlySet<string> => {
    redirectOrigins ??= parseRedirectOrigins(options.allowedRedirectOrigins);
    return redirectOrigins;
  };
  // The client's own headers, lower-cased once.
  const clientHeaders: Record<string, string> = {
    'user-agent': pipeline.userAgent,
    accept: 'application/json',
    ...lowerCaseKeys(options.headers),
  };
  // Events are built only when someone receives them (a subscriber or a logger); a custom
  // emitter without `isObserved` gets every event.
  const observed = (type: RuntimeEventType): boolean => pipeline.events.isObserved?.(type) ?? true;

  async function request<T>(requestOptions: HttpRequestOptions<T>): Promise<HttpResponse<T>> {
    const method = (requestOptions.method ?? 'GET').toUpperCase();
    const base = baseUrl();
    allowedRedirectOrigins();
    const url = buildRequestUrl(base, requestOptions.path, requestOptions.query);
    if (url !== undefined && (url.username !== '' || url.password !== '')) {
      // An absolute path on the base's origin, with userinfo undici would silently drop.
      throw new ApiCallError({
        message: `${method} ${redactor.redactUrl(url)}: a user name or password in a request URL is not sent; configure credentials with \`auth\`.`,
        reason: 'config',
        url: redactor.redactUrl(url),
        method,
        isRetryable: false,
      });
    }
    if (url === undefined) {
      throw new ApiCallError({
        message: `${method} ${redactor.redactUrl(requestOptions.path)}: the URL is on another origin than ${redactor.redactUrl(options.baseUrl)}; credentials are not sent there.`,
        reason: 'config',
        url: redactor.redactUrl(requestOptions.path),
        method,
        isRetryable: false,
      });
    }
    const redactedUrl = redactor.redactUrl(url);
    const origin = url.origin;
    const signal = combineSignals(pipeline.signal, requestOptions.signal);
    if (signal?.aborted) throw cancelledError({ method, url: redactedUrl }, signal.reason);

    const headers: Record<string, string> =
      requestOptions.headers === undefined
        ? { ...clientHeaders }
        : { ...clientHeaders, ...lowerCaseKeys(requestOptions.headers) };
    let credential: string | undefined;
    let authorizationHeaderName: string | undefined;
    if (options.auth !== undefined) {
      let authorization: AuthorizationHeader;
      try {
        authorization = await resolveAuthorizationHeader(options.auth, {
          secrets: pipeline.secrets,
          redactor,
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        // Aborted while the secret was read: the same typed error as any other cancellation.
        throw signal?.aborted && !ApiCallError.isInstance(error)
          ? cancelledError({ method, url: redactedUrl }, signal.reason)
          : error;
      }
      headers[authorization.name] = authorization.value;
      authorizationHeaderName = authorization.name;
      credential = `${authorization.name}: ${authorization.value}`;
    }
    const body = encodeBody(requestOptions.body, headers);

    // The revalidating attempt's duration, when a 304 answer is served from the cache.
    let lastSentDurationMs: number | undefined;
    const send = async (
      extraHeaders: Record<string, string>,
      sendSignal: AbortSignal | undefined,
    ): Promise<RawHttpResponse> => {
      const sent = await sendWithRetry({
        method,
        url,
        origin,
        redactedUrl,
        headers: hasOwnKeys(extraHeaders) ? { ...headers, ...extraHeaders } : headers,
        body,
        authorizationHeaderName,
        signal: sendSignal,
        idempotent: requestOptions.idempotent === true || isIdempotentMethod(method),
        timeoutMs: requestOptions.timeoutMs ?? options.timeoutMs ?? pipeline.defaultTimeoutMs,
        maxBytes: maxResponseBytes,
        acceptStatus: acceptedStatuses(requestOptions.acceptStatus, hasOwnKeys(extraHeaders)),
      });
      lastSentDurationMs = sent.durationMs;
      return sent;
    };

    let raw: RawHttpResponse;
    let fromCache = false;
    let notModified = false;
    const cacheable =
      pipeline.cache !== undefined &&
      cacheTtlMs !== undefined &&
      requestOptions.cache !== 'no-store' &&
      (method === 'GET' || method === 'HEAD') &&
      requestOptions.body === undefined;
    if (cacheable && pipeline.cache !== undefined && cacheTtlMs !== undefined) {
      const key = httpCacheKey({
        method,
        url: url.href,
        ...(headers.accept === undefined ? {} : { accept: headers.accept }),
        varyHeaders: cacheVaryHeaders(headers, authorizationHeaderName),
        ...(credential === undefined
          ? {}
          : { credentialFingerprint: credentialFingerprint(credential) }),
        ...(connectionKey === undefined ? {} : { connectionFingerprint: connectionKey }),
        answerRules: {
          ...(requestOptions.acceptStatus === undefined
            ? {}
            : { acceptStatus: requestOptions.acceptStatus }),
          maxResponseBytes,
        },
      });
      let result: HttpCacheResult;
      try {
        result = await pipeline.cache.fetch(
          key,
          { ttlMs: cacheTtlMs, ...(signal === undefined ? {} : { signal }) },
          (extra, flightSignal) => send(extra, flightSignal),
        );
      } catch (error) {
        throw signal?.aborted && !ApiCallError.isInstance(error)
          ? cancelledError({ method, url: redactedUrl }, signal.reason)
          : error;
      }
      raw = result.response;
      fromCache = result.fromCache;
      notModified = result.notModified;
      if (notModified) {
        if (observed('cache.revalidated')) {
          pipeline.events.emit({
            type: 'cache.revalidated',
            url: redactedUrl,
            notModified: true,
            ...connector(),
          });
        }
      } else if (fromCache && observed('cache.hit')) {
        pipeline.events.emit({
          type: 'cache.hit',
          url: redactedUrl,
          revalidated: false,
          ...connector(),
        });
      }
    } else {
      raw = await send({}, signal);
    }

    const data = parseResponseBody(raw, {
      ...(requestOptions.schema === undefined ? {} : { schema: requestOptions.schema }),
      responseType: requestOptions.responseType ?? 'json',
      method,
      url: redactedUrl,
      redactor,
    });
    return {
      status: notModified ? 200 : raw.status,
      headers: raw.headers,
      data,
      url: redactedUrl,
      fromCache,
      notModified,
      durationMs: raw.durationMs ?? (notModified ? (lastSentDurationMs ?? 0) : 0),
    };
  }

  function connector(): { connectorId?: string } {
    return pipeline.connectorId === undefined ? {} : { connectorId: pipeline.connectorId };
  }

  interface SendOptions {
    method: string;
    url: URL;
    /** `url.origin`, read once. */
    origin: string;
    redactedUrl: string;
    headers: Record<string, string>;
    body: string | Uint8Array | undefined;
    authorizationHeaderName: string | undefined;
    signal: AbortSignal | undefined;
    idempotent: boolean;
    timeoutMs: number;
    maxBytes: number;
    acceptStatus: ReadonlySet<number>;
  }

  function sendWithRetry(send: SendOptions): Promise<RawHttpResponse> {
    // Made only when an event carries it: most runs have no subscriber and no logger.
    let id: string | undefined;
    const requestId = () => {
      id ??= randomUUID();
      return id;
    };
    const scheduleOptions = send.signal === undefined ? {} : { signal: send.signal };
    return retryApiCall(
      (attempt) =>
        pipeline.rateLimiter.schedule(
          send.origin,
          () => sendAttempt(send, requestId, attempt),
          pipeline.retryPolicy.failFastOnRateLimit
            ? { ...scheduleOptions, failFast: { method: send.method, url: send.redactedUrl } }
            : scheduleOptions,
        ),
      {
        policy: pipeline.retryPolicy,
        idempotent: send.idempotent,
        clock,
        ...scheduleOptions,
        request: { method: send.method, url: send.redactedUrl },
        onRetry: (notice) => {
          if (!observed('retry')) return;
          pipeline.events.emit({
            type: 'retry',
            requestId: requestId(),
            url: send.redactedUrl,
            attempt: notice.attempt,
            delayMs: notice.delayMs,
            reason: notice.error.reason,
            ...connector(),
          });
        },
      },
    );
  }

  async function sendAttempt(
    send: SendOptions,
    requestId: () => string,
    attempt: number,
  ): Promise<RawHttpResponse> {
    const startedAt = clock.now();
    if (observed('request.start')) {
      pipeline.events.emit({
        type: 'request.start',
        requestId: requestId(),
        method: send.method,
        url: send.redactedUrl,
        attempt,
        ...connector(),
      });
    }
    const controller = new AbortController();
    const callerSignal = send.signal;
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    // One timer per attempt: its deadline covers redirects and the body.
    const stopDeadline = startDeadline(clock, send.timeoutMs, () =>
      controller.abort(new AttemptTimeout()),
    );
    let status: number | undefined;
    try {
      const response = await followRedirects(send, controller.signal);
      status = response.status;
      const durationMs = Math.max(0, clock.now() - startedAt);
      // `followRedirects` built this object for this attempt alone.
      response.durationMs = durationMs;
      if (!observed('request.end')) return response;
      pipeline.events.emit({
        type: 'request.end',
        requestId: requestId(),
        method: send.method,
        url: send.redactedUrl,
        status,
        durationMs,
        fromCache: false,
        ...connector(),
      });
      return response;
    } catch (caught) {
      const error = toApiCallError(caught, send, controller.signal);
      if (!observed('request.end')) throw error;
      pipeline.events.emit({
        type: 'request.end',
        requestId: requestId(),
        method: send.method,
        url: send.redactedUrl,
        ...(error.status === undefined ? {} : { status: error.status }),
        durationMs: clock.now() - startedAt,
        fromCache: false,
        error: error.reason,
        message: error.message,
        ...connector(),
      });
      throw error;
    } finally {
      stopDeadline();
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  function toApiCallError(caught: unknown, send: SendOptions, signal: AbortSignal): ApiCallError {
    if (ApiCallError.isInstance(caught)) return caught;
    const base = { url: send.redactedUrl, method: send.method };
    // A guarded lookup refused the address of a new connection (the error is its cause).
    const refusal = findDestinationRefusal(caught);
    if (refusal !== undefined) return refusal.forRequest(base);
    if (signal.aborted) {
      if (signal.reason instanceof AttemptTimeout) {
        return new ApiCallError({
          ...base,
          message: `${send.method} ${send.redactedUrl}: no complete answer within ${send.timeoutMs} ms.`,
          reason: 'timeout',
          isRetryable: true,
        });
      }
      return cancelledError(base, signal.reason);
    }
    const classification = classifyTransportError(caught);
    return new ApiCallError({
      ...base,
      message: `${send.method} ${send.redactedUrl}: ${transportFailureMessage(classification, caught, redactor)}`,
      reason: classification.reason,
      isRetryable: classification.isRetryable,
      // No `cause`: the raw error is unredacted, and printing an error prints its cause.
    });
  }

  async function followRedirects(send: SendOptions, signal: AbortSignal): Promise<RawHttpResponse> {
    let current = send.url;
    // Built at the first redirect: most answers have none.
    let chain: string[] | undefined;
    let visited: Set<string> | undefined;
    let headers = send.headers;
    for (let redirects = 0; ; redirects++) {
      // Every hop, the first included: Node never looks up an IP literal, and a host
      // dispatcher or a reused keep-alive connection never runs the guarded lookup.
      if (options.destinationPolicy !== undefined) {
        await vetHop(current, options.destinationPolicy, send, signal);
      }
      // `URL#origin` builds a new string on every read.
      const origin = current === send.url ? send.origin : current.origin;
      const dispatcher = pipeline.dispatchers.forOrigin(origin, connection);
      const response = await dispatcher.request({
        origin,
        path: `${current.pathname}${current.search}`,
        method: send.method,
        headers,
        body: send.body ?? null,
        signal,
      });
      const responseHeaders = normalizeHeaders(response.headers);
      pipeline.rateLimiter.observe(origin, responseHeaders);
      const status = response.statusCode;
      const location = responseHeaders.location;

      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        // The redirect body is not read; destroying it aborts the request, and that abort is
        // reported on the stream, so it is listened for (else it is an unhandled error).
        response.body.on('error', () => {});
        response.body.destroy();
        const next = parseLocation(location, current);
        if (next === undefined) {
          // A provider fault, not a connection failure: retrying gets the same header.
          throw new ApiCallError({
            message: `${send.method} ${send.redactedUrl}: the provider redirected (${status}) to a Location that is not a URL.`,
            reason: 'invalid_response',
            isRetryable: false,
            url: send.redactedUrl,
            method: send.method,
            status,
          });
        }
        chain ??= [send.redactedUrl];
        visited ??= new Set([send.url.href]);
        const redirectChain = chain;
        const fail = (kind: RedirectFailureKind, why: string): never => {
          throw new RedirectError({
            kind,
            chain: [...redirectChain, redactor.redactUrl(next)],
            message: `${send.method} ${send.redactedUrl}: ${why}`,
            url: send.redactedUrl,
            method: send.method,
            status,
          });
        };
        if (send.method !== 'GET' && send.method !== 'HEAD') {
          fail('not_allowed', `the provider redirected a ${send.method}, which is not followed.`);
        }
        if (visited.has(next.href)) fail('loop', 'the redirects loop.');
        if (redirects >= (options.maxRedirects ?? 3)) {
          fail('too_many', `more than ${options.maxRedirects ?? 3} redirects.`);
        }
        if (next.origin !== send.origin) {
          if (!allowedRedirectOrigins().has(next.origin)) {
            fail('cross_origin', `the provider redirected to another origin (${next.origin}).`);
          }
          // Credentials belong to the provider's origin only.
          headers = withoutHeader(headers, send.authorizationHeaderName);
        }
        visited.add(next.href);
        chain.push(redactor.redactUrl(next));
        current = next;
        continue;
      }

      const isAnswer = (status >= 200 && status < 300) || send.acceptStatus.has(status);
      const limit = isAnswer ? send.maxBytes : Math.min(send.maxBytes, ERROR_BODY_LIMIT);
      const body = await readBodyWithLimit(response.body as Readable, {
        limitBytes: limit,
        ...(responseHeaders['content-length'] === undefined
          ? {}
          : { contentLength: responseHeaders['content-length'] }),
      });
      // Redacted headers are for errors only: a successful answer never pays for them.
      const redactedHeaders = () => stringHeaders(redactor.redactHeaders(responseHeaders));
      if (body instanceof BodyLimitExceeded) {
        if (isAnswer) {
          throw new ResponseTooLargeError({
            url: send.redactedUrl,
            method: send.method,
            status,
            headers: redactedHeaders(),
            limitBytes: body.limitBytes,
            ...(body.announcedBytes === undefined ? {} : { announcedBytes: body.announcedBytes }),
          });
        }
      }
      const text = typeof body === 'string' ? body : '';
      if (isAnswer) return { status, headers: responseHeaders, body: text };

      const classification = classifyHttpStatus(status, responseHeaders);
      const retryAfterMs = classification.isRetryable
        ? parseRetryAfter(responseHeaders, clock.now())
        : undefined;
      throw new ApiCallError({
        message: `${send.method} ${send.redactedUrl} failed with status ${status} (${classification.reason}).`,
        reason: classification.reason,
        isRetryable: classification.isRetryable,
        url: send.redactedUrl,
        method: send.method,
        status,
        headers: redactedHeaders(),
        bodyExcerpt: bodyExcerpt(text, redactor),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
  }

  const client: HttpClient = {
    request,
    async getJson(path, schema, getOptions) {
      return (await request({ ...getOptions, path, schema, method: 'GET' })).data;
    },
    paginatePages<TPage>(
      paginated: PaginatedRequest<TPage>,
      strategy: PaginationStrategy<TPage>,
    ): AsyncIterable<HttpResponse<TPage>> {
      const { maxPages, query, ...base } = paginated;
      // Each page request carries its own full query: a next link is followed exactly as
      // the provider wrote it, never with the first request's parameters laid over it.
      const fetchPage = (page: { path: string; query?: QueryParameters }) =>
        request<TPage>({
          ...base,
          method: 'GET',
          path: page.path,
          ...(page.query === undefined ? {} : { query: page.query }),
        });
      return paginatePages<TPage>(
        fetchPage as (page: {
          path: string;
          query?: QueryParameters;
        }) => Promise<PageResponse<TPage>>,
        { path: base.path, ...(query === undefined ? {} : { query }) },
        strategy,
        maxPages === undefined ? {} : { maxPages },
      ) as AsyncIterable<HttpResponse<TPage>>;
    },
    paginate<TPage, TItem>(
      paginated: PaginatedRequest<TPage>,
      strategy: PaginationStrategy<TPage>,
      items: (page: TPage) => readonly TItem[],
    ): AsyncIterable<TItem> {
      const pages = client.paginatePages(paginated, strategy);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const page of pages) yield* items(page.data);
        },
      };
    },
  };
  return client;
}

/**
 * What went wrong, in words: a network failure by its code; anything else with its own
 * (redacted) message, since that is the only clue to a bug or a bad setting.
 */
function transportFailureMessage(
  classification: TransportClassification,
  caught: unknown,
  redactor: Redactor,
): string {
  const code = classification.code === undefined ? '' : ` (${classification.code})`;
  switch (classification.kind) {
    case 'network':
      return classification.code === 'ENOTFOUND'
        ? `the host name does not resolve${code}; check the host in the URL.`
        : `the connection failed${code}.`;
    case 'timeout':
      return `the connection timed out${code}.`;
    case 'tls':
      return `the TLS connection was refused${code}: ${describeThrown(caught, redactor)}. Trust the server's CA with \`tls.ca\`, or fix its certificate.`;
    case 'protocol':
      return `the server's answer is not valid HTTP${code}.`;
    case 'runtime':
      return `the request failed before an answer, not from a network error, so it is not retried${code}: ${describeThrown(caught, redactor)}`;
  }
}

/**
 * The origins a redirect may lead to, as WHATWG URL serializes them (lower-case scheme and
 * host, default port left out), so `HTTPS://Status.Example.com:443` matches a redirect to
 * `https://status.example.com`.
 */
function parseRedirectOrigins(origins: readonly string[] | undefined): ReadonlySet<string> {
  const parsed = new Set<string>();
  for (const [index, origin] of (origins ?? []).entries()) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigurationError({
        issues: [
          {
            path: `allowedRedirectOrigins[${index}]`,
            expected: 'an http: or https: origin, e.g. "https://status.example.com"',
            received: url === undefined ? 'a value that is not a URL' : `a ${url.protocol} URL`,
          },
        ],
      });
    }
    parsed.add(url.origin);
  }
  return parsed;
}

/** A redirect's target, or undefined when the `Location` header does not parse. */
function parseLocation(location: string, from: URL): URL | undefined {
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

/**
 * Vets one URL of a request, naming the request in the error. The attempt's signal bounds it:
 * a host resolver that never answers must not outlive the attempt's deadline.
 */
async function vetHop(
  url: URL,
  policy: DestinationPolicy,
  send: { method: string; redactedUrl: string },
  signal: AbortSignal,
) {
  try {
    await untilAborted(vetUrl(url, policy), signal);
  } catch (error) {
    if (DestinationRefusedError.isInstance(error)) {
      throw error.forRequest({ url: send.redactedUrl, method: send.method });
    }
    if (ApiCallError.isInstance(error)) {
      throw new ApiCallError({
        message: `${send.method} ${send.redactedUrl}: ${error.message}`,
        reason: error.reason,
        isRetryable: error.isRetryable,
        url: send.redactedUrl,
        method: send.method,
        cause: error,
      });
    }
    throw error;
  }
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function findDestinationRefusal(error: unknown): DestinationRefusedError | undefined {
  let current: unknown = error;
  // Bounded: a cause chain may be cyclic.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (DestinationRefusedError.isInstance(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function connectionSettings(options: HttpClientOptions): ConnectionSettings {
  const ca = options.tls?.ca;
  const certificates = ca === undefined ? [] : typeof ca === 'string' ? [ca] : [...ca];
  return {
    ...(certificates.length === 0 ? {} : { ca: certificates }),
    ...(options.destinationPolicy === undefined
      ? {}
      : { destinationPolicy: options.destinationPolicy }),
  };
}

/** The caller's signals as one (no composite signal when there is only one). */
function combineSignals(
  first: AbortSignal | undefined,
  second: AbortSignal | undefined,
): AbortSignal | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return AbortSignal.any([first, second]);
}

function acceptedStatuses(
  accepted: readonly number[] | undefined,
  conditional: boolean,
): ReadonlySet<number> {
  if (!conditional && (accepted === undefined || accepted.length === 0)) return NO_EXTRA_STATUSES;
  return new Set([...(accepted ?? []), ...(conditional ? [304] : [])]);
}

function encodeBody(
  body: unknown,
  headers: Record<string, string>,
): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/**
 * The request headers that key a cache entry besides the URL, `accept` and the credential:
 * a connector may send a tenant or a token in a plain header, and two tenants must never
 * share an answer. The user agent names the connector, not the answer, so it is left out.
 */
function cacheVaryHeaders(
  headers: Record<string, string>,
  authorizationHeaderName: string | undefined,
): Record<string, string> {
  const vary: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'user-agent' || name === 'accept' || name === authorizationHeaderName) continue;
    vary[name] = value;
  }
  return vary;
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const output: Record<string, string> = {};
  if (headers === undefined) return output;
  for (const name of Object.keys(headers)) output[name.toLowerCase()] = headers[name] as string;
  return output;
}

function hasOwnKeys(record: Record<string, string>): boolean {
  for (const name in record) if (Object.hasOwn(record, name)) return true;
  return false;
}

function withoutHeader(
  headers: Record<string, string>,
  name: string | undefined,
): Record<string, string> {
  if (name === undefined) return headers;
  const { [name]: _removed, ...rest } = headers;
  return rest;
}

function normalizeHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const output: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return output;
}
