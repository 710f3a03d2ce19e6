import type { QueryParameters } from '../../contract/v1/http-client-v1';
import { ConfigurationError } from '../../errors/configuration-error';

export type { QueryParameters };

/**
 * Joins `baseUrl` and `path` (a path relative to the base, or an absolute URL on the same
 * origin, such as a `Link` header's next page) and appends `query`. Returns undefined for an
 * absolute URL on another origin: credentials must never be sent there.
 */
export function buildRequestUrl(
  baseUrl: string | URL,
  path: string,
  query?: QueryParameters,
): URL | undefined {
  const base = typeof baseUrl === 'string' ? parseBaseUrl(baseUrl) : baseUrl;
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    url = new URL(path);
    if (url.origin !== base.origin) return undefined;
  } else {
    // Relative to the base path, so `https://host/api/v4` + `projects` keeps `/api/v4`.
    url = new URL(path.charCodeAt(0) === 47 ? path.replace(/^\/+/, '') : path, base);
    // A "relative" path can still name another host: `\\host/x` (backslashes count as slashes)
    // or `https:host/x` under an `http:` base. Credentials must never follow it there.
    if (url.host !== base.host || url.protocol !== base.protocol) return undefined;
  }
  if (query === undefined) return url;
  // Built apart and assigned once: every change through `url.searchParams` re-serializes the URL.
  let parameters: URLSearchParams | undefined;
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined) continue;
    parameters ??= new URLSearchParams(url.search);
    parameters.delete(name);
    if (Array.isArray(value)) {
      for (const item of value) parameters.append(name, String(item));
    } else {
      parameters.append(name, String(value));
    }
  }
  if (parameters !== undefined) url.search = parameters.toString();
  return url;
}

const BASE_URL_EXPECTATION = 'an absolute http: or https: URL, e.g. "https://api.example.com"';

/**
 * The base URL of a client, parsed once, with the trailing slash relative paths need. It is
 * judged on what WHATWG URL parsed, never on its text: the scheme case-insensitively (`HTTP:` is
 * `http:`), and a user name or password in it is refused rather than dropped (undici never sends
 * userinfo, so the request would go out without the credential the user meant to give).
 *
 * @throws ConfigurationError naming `baseUrl`; the message never echoes userinfo.
 */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    // Neither echoed nor kept as the cause (Node's error carries the input): a value that does
    // not parse may still hold a credential.
    throw baseUrlError(BASE_URL_EXPECTATION, 'a value that is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw baseUrlError(BASE_URL_EXPECTATION, `a ${url.protocol} URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw baseUrlError(
      `a URL without a user name or password (for ${url.host}); configure credentials as \`auth: { type: 'basic', username: '…', password: 'env:…' }\`, with the password as a secret reference`,
      'a URL with userinfo',
    );
  }
  return url;
}

function baseUrlError(expected: string, received: string): ConfigurationError {
  return new ConfigurationError({ issues: [{ path: 'baseUrl', expected, received }] });
}

// A relative path that WHATWG URL would keep exactly as written: no scheme, no backslash, no
// `?`/`#`, no character it would percent-encode, and no `%2e` (an encoded dot segment).
const VERBATIM_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%(?!2[eE])[0-9A-Fa-f]{2})*$/;
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;
const FORM_ESCAPES = /[!'()~]|%20/g;

/**
 * The request URL as a string, built without a `URL` object for the usual request: a plain
 * relative path and simple query values. It is exactly what `buildRequestUrl` serializes
 * (`buildRequestHref(...) === buildRequestUrl(...)?.href`); anything else returns undefined
 * and goes through the parser.
 *
 * @param basePrefix - The parsed base URL's origin and pathname (`parseBaseUrl`), ending in `/`.
 */
export function buildRequestHref(
  basePrefix: string,
  path: string,
  query?: QueryParameters,
): string | undefined {
  const relative = verbatimRelativePath(path);
  if (relative === undefined) return undefined;
  if (query === undefined) return `${basePrefix}${relative}`;
  let search = '';
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined) continue;
    const encodedName = formEncode(name);
    if (encodedName === undefined) return undefined;
    if (Array.isArray(value)) {
      for (const item of value) {
        const encoded = formEncode(String(item));
        if (encoded === undefined) return undefined;
        search += `${search === '' ? '' : '&'}${encodedName}=${encoded}`;
      }
    } else {
      const encoded = formEncode(String(value));
      if (encoded === undefined) return undefined;
      search += `${search === '' ? '' : '&'}${encodedName}=${encoded}`;
    }
  }
  return search === '' ? `${basePrefix}${relative}` : `${basePrefix}${relative}?${search}`;
}

// Characters URLSearchParams never escapes: text made only of them is its own encoding.
const FORM_VERBATIM = /^[A-Za-z0-9*\-._]*$/;

// The last path checked: a connector asks for the same few paths again and again.
let lastPath: string | undefined;
let lastRelative: string | undefined;

/** `path` relative to the base as the URL parser would keep it, or undefined when it would not. */
function verbatimRelativePath(path: string): string | undefined {
  if (path === lastPath) return lastRelative;
  const relative = path.charCodeAt(0) === 47 ? path.replace(/^\/+/, '') : path;
  // The first segment with a colon would read as a scheme.
  const firstSlash = relative.indexOf('/');
  const firstSegment = firstSlash === -1 ? relative : relative.slice(0, firstSlash);
  const verbatim =
    !firstSegment.includes(':') && VERBATIM_PATH.test(relative) && !DOT_SEGMENT.test(relative);
  lastPath = path;
  lastRelative = verbatim ? relative : undefined;
  return lastRelative;
}

/** `application/x-www-form-urlencoded` as URLSearchParams writes it; undefined for a lone surrogate. */
function formEncode(text: string): string | undefined {
  if (FORM_VERBATIM.test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    return undefined;
  }
  return encoded.replace(FORM_ESCAPES, formEscape);
}

function formEscape(match: string): string {
  switch (match) {
    case '%20':
      return '+';
    case '!':
      return '%21';
    case "'":
      return '%27';
    case '(':
      return '%28';
    case ')':
      return '%29';
    default:
      return '%7E';
  }
}
