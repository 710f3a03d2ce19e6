import type { z } from 'zod';
import type { ApiCallFailureReason } from '../../errors/api-call-error';

// The connector-facing HTTP contract, version 1: types only. `runtime/http` implements it;
// nothing here imports the runtime, so the contract can be read (and versioned) on its own.

/** Query values: repeated keys as arrays; undefined values are left out. */
export type QueryParameters = Record<
  string,
  string | number | boolean | readonly (string | number | boolean)[] | undefined
>;

/**
 * A resolved secret as the contract sees it; core's `SecretValue` is one. Its value leaves
 * only through `reveal()`.
 */
export interface RevealableSecret {
  /** Where the value came from, e.g. `env:GITHUB_TOKEN`. Safe to print. */
  readonly reference: string;
  reveal(): string;
}

/** A credential: a reference such as `env:GITHUB_TOKEN`, or an already-resolved value. */
export type SecretInput = string | RevealableSecret;

/**
 * How a client authenticates. Secrets are resolved at request time, never stored in the
 * client, and registered with the redactor in every form they are sent in.
 */
export type HttpAuth =
  /** `Authorization: Bearer <token>`. */
  | { type: 'bearer'; token: SecretInput }
  /** `Authorization: Basic base64(username:password)`. */
  | { type: 'basic'; username: string; password: SecretInput }
  /**
   * Any header, with an optional prefix: `{ name: 'Authorization', prefix: 'Token token=' }`,
   * `{ name: 'Authorization', prefix: 'GenieKey ' }`, `{ name: 'Api-Token' }`.
   */
  | { type: 'header'; name: string; value: SecretInput; prefix?: string };

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a hostname to every address it has. A `DestinationPolicy` takes one so tests (and
 * hosts with their own DNS) can supply the answers; the default is the operating system's.
 */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** An address class a host may allow; metadata, unspecified, multicast and reserved never. */
export type AllowableAddressClass = 'private' | 'loopback' | 'link-local' | 'shared-address-space';

/**
 * Where a client may send requests: for URLs that come from users (a health endpoint, a
 * webhook target) rather than from a fixed provider API. By default only `https:` URLs whose
 * host resolves to public addresses only.
 */
export interface DestinationPolicy {
  /** Non-public classes to allow. Default none: public addresses only. */
  allowAddressClasses?: readonly AllowableAddressClass[];
  /** Allows plain `http:` URLs. Default false: `https:` only. */
  allowInsecureHttp?: boolean;
  /**
   * Resolves hostnames; every address must be allowed. Default: the runtime's
   * (`createRuntime({ resolveHost })`), else the operating system's resolver
   * (`systemHostResolver`).
   */
  resolveHost?: HostResolver;
}

/** One page as the pagination helpers see it. */
export interface PageResponse<TPage> {
  data: TPage;
  headers: Readonly<Record<string, string>>;
}

/** Where the next page is. */
export interface PageRequest {
  path: string;
  query?: QueryParameters;
}

/** How a list is paged. */
export type PaginationStrategy<TPage> =
  /** Follow the `Link` header's `rel="next"` (GitHub, GitLab keyset, Sentry, ServiceNow). */
  | { type: 'link' }
  /** Send the cursor the caller reads from each page as `cursorParameter`. */
  | {
      type: 'cursor';
      cursorParameter: string;
      nextCursor: (page: PageResponse<TPage>) => string | null | undefined;
    }
  /**
   * Page numbers in `pageParameter` (default `page`, from `firstPage`, default 1). The next
   * page comes from `hasNextPage` when given, else from `x-next-page`, else `x-total-pages`,
   * else the list ends at the first page for which `isEmpty` is true.
   */
  | {
      type: 'page';
      pageParameter?: string;
      firstPage?: number;
      hasNextPage?: (page: PageResponse<TPage>, pageNumber: number) => boolean;
      isEmpty?: (page: PageResponse<TPage>) => boolean;
    };

/** Guards of a pagination. */
export interface PaginationLimits {
  /** Most pages read; more is a `PaginationLoopError` (`page_limit`). Default 50. */
  maxPages?: number;
}

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
  /**
   * Explains the provider's error answers in its own terms before the retry decision: the
   * reason, whether to retry, and a detail for the message (e.g. Prometheus's `errorType`,
   * the permission a GitHub 403 needs). A request's own `describeError` is asked first.
   */
  describeError?: DescribeHttpError;
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
  /** Explains this request's error answers; asked before the client's `describeError`. */
  describeError?: DescribeHttpError;
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

/**
 * A provider's error answer, as the runtime hands it to a `describeError` hook before it
 * builds the `ApiCallError` and before the retry decision.
 */
export interface HttpErrorAnswer {
  /** The HTTP status, 4xx or 5xx (or another status that is not an answer). */
  readonly status: number;
  /** Response headers, lower-case names, as received (not redacted: read, never echo). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body as text, at most 64 KiB ('' when it was larger). Not redacted: anything the hook
   * returns in `detail` is redacted by the runtime.
   */
  readonly body: string;
  readonly method: string;
  /** What the runtime made of the status alone. */
  readonly reason: ApiCallFailureReason;
  /** Whether the runtime would retry it, judging by the status alone. */
  readonly retryable: boolean;
}

/** What a `describeError` hook says about an error answer; every field is optional. */
export interface HttpErrorDescription {
  /** The reason the fact becomes unavailable with, instead of the status's. */
  reason?: ApiCallFailureReason;
  /** Whether the retry policy may try again (it still retries only idempotent calls). */
  retryable?: boolean;
  /**
   * The provider's own explanation, appended to the error message (redacted by the runtime),
   * e.g. the permission a 403 needs or the API server's `Status.message`.
   */
  detail?: string;
}

/**
 * Maps a provider's error answer to a reason, a retry decision and a detail, in the provider's
 * terms. Return undefined to keep what the runtime decided. A hook that throws is ignored.
 */
export type DescribeHttpError = (answer: HttpErrorAnswer) => HttpErrorDescription | undefined;
