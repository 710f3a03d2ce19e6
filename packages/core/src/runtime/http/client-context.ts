import type { HttpClientOptions } from '../../contract/v1/http-client-v1';
import { ConfigurationError } from '../../errors/configuration-error';
import type { RuntimeEventType } from '../events/runtime-event';
import { parseBaseUrl } from './build-request-url';
import { type ConnectionSettings, connectionFingerprint } from './connection-settings';
import type { HttpPipeline } from './http-pipeline';

/**
 * What one client works out once and every request and stage reads: its options, the
 * runtime's shared parts, the parsed base URL, its connection settings and headers.
 */
export class ClientContext {
  readonly options: HttpClientOptions;
  readonly pipeline: HttpPipeline;
  readonly connection: ConnectionSettings;
  /** `connectionFingerprint(connection)`, for cache keys. */
  readonly connectionKey: string | undefined;
  /** Undefined: caching off for this client; 0: always revalidate. */
  readonly cacheTtlMs: number | undefined;
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
  /** The client's own headers, lower-cased once, with the user agent and `accept`. */
  readonly headers: Readonly<Record<string, string>>;
  /** `{ connectorId }` for events, built once. */
  readonly connectorFields: { connectorId?: string };
  #baseUrl: URL | undefined;
  #redirectOrigins: ReadonlySet<string> | undefined;

  constructor(options: HttpClientOptions, pipeline: HttpPipeline) {
    this.options = options;
    this.pipeline = pipeline;
    this.cacheTtlMs =
      options.cache === false
        ? undefined
        : typeof options.cache === 'object'
          ? (options.cache.ttlMs ?? 0)
          : 0;
    this.maxResponseBytes = options.maxResponseBytes ?? pipeline.defaultMaxResponseBytes;
    this.maxRedirects = options.maxRedirects ?? 3;
    this.connection = connectionSettings(options);
    this.connectionKey = connectionFingerprint(this.connection);
    this.headers = {
      'user-agent': pipeline.userAgent,
      accept: 'application/json',
      ...lowerCaseKeys(options.headers),
    };
    this.connectorFields =
      pipeline.connectorId === undefined ? {} : { connectorId: pipeline.connectorId };
  }

  /**
   * The parsed base URL. Parsed on the first request, never at creation: building a client
   * never throws, and an invalid base URL fails every request with a `ConfigurationError`.
   */
  get baseUrl(): URL {
    this.#baseUrl ??= parseBaseUrl(this.options.baseUrl);
    return this.#baseUrl;
  }

  /**
   * The origins a redirect may lead to, as WHATWG URL serializes them (lower-case scheme and
   * host, default port left out), so `HTTPS://Status.Example.com:443` matches a redirect to
   * `https://status.example.com`.
   */
  get allowedRedirectOrigins(): ReadonlySet<string> {
    this.#redirectOrigins ??= parseRedirectOrigins(this.options.allowedRedirectOrigins);
    return this.#redirectOrigins;
  }

  /**
   * Whether anyone receives events of `type` (a subscriber or a logger): events are built only
   * then. A custom emitter without `isObserved` gets every event.
   */
  observed(type: RuntimeEventType): boolean {
    return this.pipeline.events.isObserved?.(type) ?? true;
  }
}

/** Header names lower-cased. */
export function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const output: Record<string, string> = {};
  if (headers === undefined) return output;
  for (const name of Object.keys(headers)) output[name.toLowerCase()] = headers[name] as string;
  return output;
}

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
