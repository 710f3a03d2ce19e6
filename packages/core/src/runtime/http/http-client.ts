import type {
  HttpClient,
  HttpClientOptions,
  HttpRequestOptions,
  HttpResponse,
  PaginatedRequest,
  PaginationStrategy,
  QueryParameters,
} from '../../contract/v1/http-client-v1';
import { ApiCallError } from '../../errors/api-call-error';
import { createCacheKeyBuilder, credentialFingerprint, httpCacheKey } from '../cache/cache-key';
import { type PageResponse, paginatePages } from '../pagination/paginate';
import { cancelledError } from '../retry/retry-api-call';
import { isIdempotentMethod } from '../retry/retry-policy';
import { buildRequestHref, buildRequestUrl } from './build-request-url';
import { ClientContext, lowerCaseKeys } from './client-context';
import { ClientResponse } from './client-response';
import { type AuthorizationHeader, resolveAuthorizationHeader } from './http-auth';
import type { HttpPipeline } from './http-pipeline';
import { parseResponseBody } from './parse-response-body';
import { combineSignals } from './race-abort';
import { createRequestPipeline } from './request-pipeline';
import { RequestState } from './request-state';
import { type RequestTarget, targetOf } from './request-target';

export type {
  HttpClient,
  HttpClientOptions,
  HttpRequestOptions,
  HttpResponse,
  PaginatedRequest,
} from '../../contract/v1/http-client-v1';
export type { HttpPipeline } from './http-pipeline';

// Most requests accept no extra status: one shared empty set instead of one per request.
const NO_EXTRA_STATUSES: ReadonlySet<number> = new Set();

/**
 * Creates a client on the runtime's shared pipeline. Each request is one `RequestState` run
 * through the stages of `REQUEST_STAGE_ORDER` (cache, retry, rate limit, attempt, redirects,
 * destination, transport), composed once here; its body is then parsed and validated.
 */
export function createHttpClient(options: HttpClientOptions, pipeline: HttpPipeline): HttpClient {
  const context = new ClientContext(options, pipeline);
  const { redactor } = pipeline;
  const send = createRequestPipeline(context);
  const cacheable = pipeline.cache !== undefined && context.cacheTtlMs !== undefined;
  let basePrefix: string | undefined;
  // `URL#origin` builds a new string on every read.
  let baseOrigin: string | undefined;
  let clientKey: ReturnType<typeof createCacheKeyBuilder> | undefined;
  const authHeaderName = authorizationHeaderNameOf(options);

  function target(method: string, requestOptions: HttpRequestOptions<unknown>): RequestTarget {
    const base = context.baseUrl;
    baseOrigin ??= base.origin;
    basePrefix ??= `${baseOrigin}${base.pathname}`;
    const href = buildRequestHref(basePrefix, requestOptions.path, requestOptions.query);
    if (href !== undefined)
      return { origin: baseOrigin, path: href.slice(baseOrigin.length), href, parsed: undefined };
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
    return targetOf(url, base.origin);
  }

  function cacheKeyOf(
    state: RequestState,
    requestOptions: HttpRequestOptions<unknown>,
    credential: string | undefined,
  ): string {
    if (requestOptions.headers === undefined && requestOptions.acceptStatus === undefined) {
      clientKey ??= createCacheKeyBuilder({
        ...(context.headers.accept === undefined ? {} : { accept: context.headers.accept }),
        varyHeaders: cacheVaryHeaders(context.headers, authHeaderName),
        ...(context.connectionKey === undefined
          ? {}
          : { connectionFingerprint: context.connectionKey }),
        maxResponseBytes: context.maxResponseBytes,
      });
      return clientKey({
        method: state.method,
        url: state.target.href,
        ...(credential === undefined ? {} : { credential }),
      });
    }
    const headers = state.headers;
    return httpCacheKey({
      method: state.method,
      url: state.target.href,
      ...(headers.accept === undefined ? {} : { accept: headers.accept }),
      varyHeaders: cacheVaryHeaders(headers, state.authorizationHeaderName),
      ...(credential === undefined
        ? {}
        : { credentialFingerprint: credentialFingerprint(credential) }),
      ...(context.connectionKey === undefined
        ? {}
        : { connectionFingerprint: context.connectionKey }),
      answerRules: {
        ...(requestOptions.acceptStatus === undefined
          ? {}
          : { acceptStatus: requestOptions.acceptStatus }),
        maxResponseBytes: context.maxResponseBytes,
      },
    });
  }

  async function request<T>(requestOptions: HttpRequestOptions<T>): Promise<HttpResponse<T>> {
    const method =
      requestOptions.method === undefined ? 'GET' : requestOptions.method.toUpperCase();
    const first = target(method, requestOptions as HttpRequestOptions<unknown>);
    // Read at every request: a bad origin fails the request with a ConfigurationError.
    void context.allowedRedirectOrigins;
    const signal = combineSignals(pipeline.signal, requestOptions.signal);
    let headers: Record<string, string> =
      requestOptions.headers === undefined
        ? (context.headers as Record<string, string>)
        : { ...context.headers, ...lowerCaseKeys(requestOptions.headers) };
    let authorization: AuthorizationHeader | undefined;
    if (signal?.aborted || options.auth !== undefined) {
      const redactedUrl = () => redactor.redactUrl(first.parsed ?? first.href);
      if (signal?.aborted) throw cancelledError({ method, url: redactedUrl() }, signal.reason);
      if (options.auth !== undefined) {
        try {
          authorization = await resolveAuthorizationHeader(options.auth, {
            secrets: pipeline.secrets,
            redactor,
            ...(signal === undefined ? {} : { signal }),
          });
        } catch (error) {
          // Aborted while the secret was read: the same typed error as any other cancellation.
          throw signal?.aborted && !ApiCallError.isInstance(error)
            ? cancelledError({ method, url: redactedUrl() }, signal.reason)
            : error;
        }
        headers = { ...headers, [authorization.name]: authorization.value };
      }
    }
    const body = encodeBody(requestOptions.body);
    if (body !== requestOptions.body && headers['content-type'] === undefined) {
      // Encoded here as JSON: say so, unless the caller named the type.
      headers = { ...headers, 'content-type': 'application/json' };
    }
    const accepted = requestOptions.acceptStatus;
    const state = new RequestState({
      method,
      target: first,
      headers,
      body,
      authorizationHeaderName: authorization?.name,
      signal,
      idempotent: requestOptions.idempotent === true || isIdempotentMethod(method),
      timeoutMs: requestOptions.timeoutMs ?? options.timeoutMs ?? pipeline.defaultTimeoutMs,
      maxBytes: context.maxResponseBytes,
      acceptStatus:
        accepted === undefined || accepted.length === 0 ? NO_EXTRA_STATUSES : new Set(accepted),
      describeError: requestOptions.describeError,
      redactor,
    });
    if (
      cacheable &&
      requestOptions.cache !== 'no-store' &&
      (method === 'GET' || method === 'HEAD') &&
      requestOptions.body === undefined
    ) {
      const credential =
        authorization === undefined ? undefined : `${authorization.name}: ${authorization.value}`;
      state.cacheKey = cacheKeyOf(state, requestOptions as HttpRequestOptions<unknown>, credential);
    }

    const raw = await send(state);
    const data = parseResponseBody(raw, {
      schema: requestOptions.schema,
      responseType: requestOptions.responseType ?? 'json',
      request: state,
      redactor,
    });
    const notModified = state.notModified;
    return new ClientResponse<T>(
      state,
      notModified ? 200 : raw.status,
      raw.headers,
      data,
      raw.durationMs ?? (notModified ? (state.lastDurationMs ?? 0) : 0),
    );
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

/** The header a client's credential goes in, known from its options. */
function authorizationHeaderNameOf(options: HttpClientOptions): string | undefined {
  const auth = options.auth;
  if (auth === undefined) return undefined;
  return auth.type === 'header' ? auth.name.toLowerCase() : 'authorization';
}

/** A string or bytes as they are; anything else as JSON. */
function encodeBody(body: unknown): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  return JSON.stringify(body);
}

/**
 * The request headers that key a cache entry besides the URL, `accept` and the credential:
 * a connector may send a tenant or a token in a plain header, and two tenants must never
 * share an answer. The user agent names the connector, not the answer, so it is left out.
 */
function cacheVaryHeaders(
  headers: Readonly<Record<string, string>>,
  authorizationHeaderName: string | undefined,
): Record<string, string> {
  const vary: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    if (name === 'user-agent' || name === 'accept' || name === authorizationHeaderName) continue;
    vary[name] = headers[name] as string;
  }
  return vary;
}
