import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { ApiCallError } from '../../errors/api-call-error';
import { RedirectError, type RedirectFailureKind } from '../../errors/redirect-error';
import { ResponseTooLargeError } from '../../errors/response-too-large-error';
import { credentialFingerprint, httpCacheKey } from '../cache/cache-key';
import type { HttpCache } from '../cache/http-cache';
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
import type { SecretResolver } from '../secrets/secret-resolver';
import { buildRequestUrl, type QueryParameters } from './build-request-url';
import { classifyHttpStatus } from './classify-http-status';
import { classifyTransportError } from './classify-transport-error';
import { type HttpAuth, resolveAuthorizationHeader } from './http-auth';
import type { OriginDispatchers } from './origin-dispatchers';
import { bodyExcerpt, parseResponseBody, stringHeaders } from './parse-response-body';
import type { RawHttpResponse } from './raw-http-response';
import { BodyLimitExceeded, readBodyWithLimit } from './read-body-with-limit';

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

/** Creates a client on the runtime's shared pipeline. */
export function createHttpClient(options: HttpClientOptions, pipeline: HttpPipeline): HttpClient {
  const { clock, redactor } = pipeline;
  const cacheTtlMs =
    options.cache === false
      ? undefined
      : typeof options.cache === 'object'
        ? (options.cache.ttlMs ?? 0)
        : 0;

  async function request<T>(requestOptions: HttpRequestOptions<T>): Promise<HttpResponse<T>> {
    const method = (requestOptions.method ?? 'GET').toUpperCase();
    const url = buildRequestUrl(options.baseUrl, requestOptions.path, requestOptions.query);
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
    const signals = [pipeline.signal, requestOptions.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    const signal = signals.length === 0 ? undefined : AbortSignal.any(signals);
    if (signal?.aborted) throw cancelledError({ method, url: redactedUrl }, signal.reason);

    const headers: Record<string, string> = {
      'user-agent': pipeline.userAgent,
      accept: 'application/json',
      ...lowerCaseKeys(options.headers),
      ...lowerCaseKeys(requestOptions.headers),
    };
    let credential: string | undefined;
    let authorizationHeaderName: string | undefined;
    if (options.auth !== undefined) {
      const authorization = await resolveAuthorizationHeader(options.auth, {
        secrets: pipeline.secrets,
        redactor,
        ...(signal === undefined ? {} : { signal }),
      });
      headers[authorization.name] = authorization.value;
      authorizationHeaderName = authorization.name;
      credential = `${authorization.name}: ${authorization.value}`;
    }
    const body = encodeBody(requestOptions.body, headers);

    const send = (extraHeaders: Record<string, string>, sendSignal: AbortSignal | undefined) =>
      sendWithRetry({
        method,
        url,
        redactedUrl,
        headers: { ...headers, ...extraHeaders },
        body,
        authorizationHeaderName,
        signal: sendSignal,
        idempotent: requestOptions.idempotent === true || isIdempotentMethod(method),
        timeoutMs: requestOptions.timeoutMs ?? options.timeoutMs ?? pipeline.defaultTimeoutMs,
        maxBytes: options.maxResponseBytes ?? pipeline.defaultMaxResponseBytes,
        acceptStatus: new Set([
          ...(requestOptions.acceptStatus ?? []),
          ...(Object.keys(extraHeaders).length > 0 ? [304] : []),
        ]),
      });

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
      });
      const result = await pipeline.cache
        .fetch(
          key,
          { ttlMs: cacheTtlMs, ...(signal === undefined ? {} : { signal }) },
          (extra, flightSignal) => send(extra, flightSignal),
        )
        .catch((error: unknown) => {
          throw signal?.aborted && !ApiCallError.isInstance(error)
            ? cancelledError({ method, url: redactedUrl }, signal.reason)
            : error;
        });
      raw = result.response;
      fromCache = result.fromCache;
      notModified = result.notModified;
      if (notModified) {
        pipeline.events.emit({
          type: 'cache.revalidated',
          url: redactedUrl,
          notModified: true,
          ...connector(),
        });
      } else if (fromCache) {
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
    };
  }

  function connector(): { connectorId?: string } {
    return pipeline.connectorId === undefined ? {} : { connectorId: pipeline.connectorId };
  }

  interface SendOptions {
    method: string;
    url: URL;
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
    const requestId = randomUUID();
    const scheduleOptions = send.signal === undefined ? {} : { signal: send.signal };
    return retryApiCall(
      (attempt) =>
        pipeline.rateLimiter.schedule(
          send.url.origin,
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
        onRetry: (notice) =>
          pipeline.events.emit({
            type: 'retry',
            requestId,
            url: send.redactedUrl,
            attempt: notice.attempt,
            delayMs: notice.delayMs,
            reason: notice.error.reason,
            ...connector(),
          }),
      },
    );
  }

  async function sendAttempt(
    send: SendOptions,
    requestId: string,
    attempt: number,
  ): Promise<RawHttpResponse> {
    const startedAt = clock.now();
    pipeline.events.emit({
      type: 'request.start',
      requestId,
      method: send.method,
      url: send.redactedUrl,
      attempt,
      ...connector(),
    });
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(send.signal?.reason);
    send.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const stopTimer = new AbortController();
    clock.sleep(send.timeoutMs, stopTimer.signal).then(
      () => controller.abort(new AttemptTimeout()),
      () => {},
    );
    let status: number | undefined;
    try {
      const response = await followRedirects(send, controller.signal);
      status = response.status;
      pipeline.events.emit({
        type: 'request.end',
        requestId,
        method: send.method,
        url: send.redactedUrl,
        status,
        durationMs: clock.now() - startedAt,
        fromCache: false,
        ...connector(),
      });
      return response;
    } catch (caught) {
      const error = toApiCallError(caught, send, controller.signal);
      pipeline.events.emit({
        type: 'request.end',
        requestId,
        method: send.method,
        url: send.redactedUrl,
        ...(error.status === undefined ? {} : { status: error.status }),
        durationMs: clock.now() - startedAt,
        fromCache: false,
        error: error.reason,
        ...connector(),
      });
      throw error;
    } finally {
      stopTimer.abort();
      send.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  function toApiCallError(caught: unknown, send: SendOptions, signal: AbortSignal): ApiCallError {
    if (ApiCallError.isInstance(caught)) return caught;
    const base = { url: send.redactedUrl, method: send.method };
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
      message: `${send.method} ${send.redactedUrl}: the connection failed${
        classification.code === undefined ? '' : ` (${classification.code})`
      }.`,
      reason: classification.reason,
      isRetryable: classification.isRetryable,
    });
  }

  async function followRedirects(send: SendOptions, signal: AbortSignal): Promise<RawHttpResponse> {
    let current = send.url;
    const chain = [send.redactedUrl];
    const visited = new Set([current.href]);
    let headers = send.headers;
    for (let redirects = 0; ; redirects++) {
      const dispatcher = pipeline.dispatchers.forOrigin(current.origin);
      const response = await dispatcher.request({
        origin: current.origin,
        path: `${current.pathname}${current.search}`,
        method: send.method,
        headers,
        body: send.body ?? null,
        signal,
      });
      const responseHeaders = normalizeHeaders(response.headers);
      pipeline.rateLimiter.observe(current.origin, responseHeaders);
      const status = response.statusCode;
      const location = responseHeaders.location;

      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        response.body.destroy();
        const next = new URL(location, current);
        const fail = (kind: RedirectFailureKind, why: string): never => {
          throw new RedirectError({
            kind,
            chain: [...chain, redactor.redactUrl(next)],
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
        if (next.origin !== send.url.origin) {
          if (!(options.allowedRedirectOrigins ?? []).includes(next.origin)) {
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
      const redactedHeaders = stringHeaders(redactor.redactHeaders(responseHeaders));
      if (body instanceof BodyLimitExceeded) {
        if (isAnswer) {
          throw new ResponseTooLargeError({
            url: send.redactedUrl,
            method: send.method,
            status,
            headers: redactedHeaders,
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
        headers: redactedHeaders,
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
  for (const [name, value] of Object.entries(headers ?? {})) output[name.toLowerCase()] = value;
  return output;
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
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return output;
}
