import { SecretValue } from '../secrets/secret-value';
import { encodedFormsOfSecret } from './secret-forms';
import {
  isSensitiveHeaderName,
  isSensitiveObjectKey,
  isSensitiveQueryParameterName,
} from './sensitive-names';
import { TOKEN_PATTERNS } from './token-patterns';

/** The text every masked value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not registered: masking them would shred ordinary text. */
const MINIMUM_SECRET_LENGTH = 4;

/**
 * The one redactor used for logs, errors, evidence and reports. It masks the secret values
 * registered with it (as resolved by the secret resolver) and credential shapes it recognizes
 * without being told: authorization headers, token-like query parameters, URL userinfo,
 * `Bearer …` strings and well-known token formats.
 */
export interface Redactor {
  /** Registers a secret value (and its URL- and base64-encoded forms) to be masked everywhere. Ignores values shorter than 4 chars. */
  register(secretValue: string): void;
  /** Masks registered secrets and token-like patterns in free text. */
  redactText(text: string): string;
  /** Masks userinfo, token-like query parameters and registered secrets in a URL string. */
  redactUrl(url: string | URL): string;
  /** Masks sensitive header values (Authorization, Proxy-Authorization, Cookie, Set-Cookie, *-Token, *-Key, *-Secret, X-Api-Key…) and registered secrets. */
  redactHeaders(
    headers: Record<string, string | string[] | undefined>,
  ): Record<string, string | string[]>;
  /** Deep-copies a JSON-like value with every string redacted (and sensitive keys masked). */
  redactValue<T>(value: T): T;
}

/**
 * Creates an empty redactor. Create one per engine run (or per host) and share it: every
 * secret the resolver reads is registered here, so every output path masks it.
 *
 * @example
 * ```ts
 * const redactor = createRedactor();
 * redactor.register(token);
 * logger.info({ url: redactor.redactUrl(url) }, 'fetched');
 * ```
 */
export function createRedactor(): Redactor {
  const registeredValues = new Set<string>();
  // Every form of every registered secret, longest first (see maskRegisteredForms).
  let registeredForms: string[] = [];
  // UTF-8 size of the shortest registered value: a base64 blob that decodes to fewer bytes
  // cannot hide any secret, so it need not be decoded.
  let shortestValueBytes = Number.POSITIVE_INFINITY;

  function maskRegisteredSecrets(text: string): string {
    if (registeredForms.length === 0 || text.length === 0) return text;
    // Collect every occurrence of every form and every encoded blob hiding a secret, then merge
    // overlapping ranges, so secrets that overlap in the text are masked as one span and no
    // fragment of either survives.
    const ranges: Array<[start: number, end: number]> = [];
    for (const form of registeredForms) {
      let index = text.indexOf(form);
      while (index !== -1) {
        ranges.push([index, index + form.length]);
        index = text.indexOf(form, index + 1);
      }
    }
    // A secret inside a larger base64 blob (`Basic base64(user:secret)`) does not appear as
    // base64(secret): decode each blob and mask it whole when a secret is inside.
    for (const match of text.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)) {
      // Base64 carries 3 bytes per 4 characters.
      if (Math.floor((match[0].length * 3) / 4) < shortestValueBytes) continue;
      const decoded = Buffer.from(match[0], 'base64').toString('utf8');
      for (const value of registeredValues) {
        if (decoded.includes(value)) {
          ranges.push([match.index, match.index + match[0].length]);
          break;
        }
      }
    }
    if (ranges.length === 0) return text;
    ranges.sort((left, right) => left[0] - right[0]);
    let output = '';
    let cursor = 0;
    let spanStart = -1;
    let spanEnd = -1;
    for (const [start, end] of ranges) {
      if (spanStart !== -1 && start <= spanEnd) {
        spanEnd = Math.max(spanEnd, end);
        continue;
      }
      if (spanStart !== -1) {
        output += text.slice(cursor, spanStart) + REDACTED;
        cursor = spanEnd;
      }
      spanStart = start;
      spanEnd = end;
    }
    output += text.slice(cursor, spanStart) + REDACTED + text.slice(spanEnd);
    return output;
  }

  function redactText(text: string): string {
    let output = maskRegisteredSecrets(text);
    for (const { pattern, replace } of TOKEN_PATTERNS) {
      pattern.lastIndex = 0;
      output = output.replace(pattern, (_match, ...groups: unknown[]) =>
        replace(REDACTED, ...groups.filter((group): group is string => typeof group === 'string')),
      );
    }
    return output;
  }

  function redactUrl(url: string | URL): string {
    // Mask the raw text first: the URL parser normalizes paths and encodings, which could
    // otherwise turn a registered secret into a form that no longer matches.
    const raw = typeof url === 'string' ? url : url.href;
    const text = redactText(raw);
    // Nothing masked in the text: the caller's URL already is its parse (read, never changed).
    const reused = typeof url !== 'string' && text === raw;
    let parsed: URL;
    if (reused) {
      if (url.username === '' && url.password === '' && url.search === '') return text;
      parsed = url;
    } else {
      try {
        parsed = new URL(text);
      } catch {
        return text;
      }
    }
    const entries = [...parsed.searchParams];
    const encodedMask = encodeURIComponent(REDACTED);
    const isUnmasked = (part: string) => part !== '' && part !== encodedMask && part !== REDACTED;
    const hasUserinfo = isUnmasked(parsed.username) || isUnmasked(parsed.password);
    // The text pass already masked `user:pass@` and `?token=…`; this catches what it could not
    // read, such as a percent-encoded `access%5Ftoken`. Serializing re-encodes and normalizes
    // the URL (`https://host` gains a `/`), so the parsed form is used only when needed.
    const hasUnmaskedParameter = entries.some(
      ([name, value]) => isSensitiveQueryParameterName(name) && value !== REDACTED,
    );
    if (!hasUserinfo && !hasUnmaskedParameter) return text;
    if (reused) parsed = new URL(text);
    if (isUnmasked(parsed.username)) parsed.username = REDACTED;
    if (isUnmasked(parsed.password)) parsed.password = REDACTED;
    if (hasUnmaskedParameter) {
      parsed.search = '';
      for (const [name, value] of entries) {
        parsed.searchParams.append(name, isSensitiveQueryParameterName(name) ? REDACTED : value);
      }
    }
    return redactText(parsed.href.replaceAll(encodedMask, REDACTED));
  }

  function redactHeaderValue(name: string, value: string): string {
    if (!isSensitiveHeaderName(name)) return redactText(value);
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      // The scheme says how the request authenticated, which helps debugging and is not secret.
      const scheme = /^([A-Za-z][A-Za-z0-9_-]*)\s+\S/.exec(value)?.[1];
      return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
    }
    return REDACTED;
  }

  function redactHeaders(
    headers: Record<string, string | string[] | undefined>,
  ): Record<string, string | string[]> {
    const output: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      output[name] = Array.isArray(value)
        ? value.map((item) => redactHeaderValue(name, item))
        : redactHeaderValue(name, value);
    }
    return output;
  }

  function redactAny(value: unknown, seen: WeakMap<object, unknown>): unknown {
    if (typeof value === 'string') return redactText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (SecretValue.isInstance(value)) return REDACTED;
    if (value instanceof URL) return redactUrl(value);
    if (value instanceof Date) return new Date(value.getTime());
    const existing = seen.get(value);
    if (existing !== undefined) return existing;
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      for (const item of value) copy.push(redactAny(item, seen));
      return copy;
    }
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    if (value instanceof Error) {
      // Own properties of an Error skip `name` and often `message`; keep them readable.
      copy.name = value.name;
      copy.message = redactText(value.message);
      if (value.stack !== undefined) copy.stack = redactText(value.stack);
      if (value.cause !== undefined) copy.cause = redactAny(value.cause, seen);
    }
    for (const [key, item] of Object.entries(value)) {
      copy[redactText(key)] =
        isSensitiveObjectKey(key) && item !== null && item !== undefined && item !== ''
          ? REDACTED
          : redactAny(item, seen);
    }
    return copy;
  }

  return {
    register(secretValue) {
      if (secretValue.length < MINIMUM_SECRET_LENGTH || registeredValues.has(secretValue)) return;
      registeredValues.add(secretValue);
      shortestValueBytes = Math.min(shortestValueBytes, Buffer.byteLength(secretValue));
      const forms = new Set(registeredForms);
      for (const form of encodedFormsOfSecret(secretValue)) forms.add(form);
      registeredForms = [...forms].sort((left, right) => right.length - left.length);
    },
    redactText,
    redactUrl,
    redactHeaders,
    redactValue<T>(value: T): T {
      return redactAny(value, new WeakMap()) as T;
    },
  };
}
