import type { Redactor } from '../../contract/v1/redactor-v1';
import { splitNameSegments } from './name-segments';
import { redactStructure } from './redact-structure';
import { REDACTED } from './redacted-mask';
import { createSecretRegistry } from './registered-secrets';
import { isSensitiveNamedValue } from './sensitive-names';
import { TEXT_RULES } from './text-rules';

// The interface is part of the connector contract; re-exported so runtime imports keep working.
export type { Redactor } from '../../contract/v1/redactor-v1';
export { REDACTED };

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
  const secrets = createSecretRegistry();

  function redactText(text: string): string {
    let output = secrets.mask(text, REDACTED);
    for (const rule of TEXT_RULES) output = rule.redact(output, REDACTED);
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
    const isMaskedParameter = ([name, value]: [string, string]) =>
      value !== REDACTED && isSensitiveNamedValue(name, value, 'query');
    // The text pass already masked `user:pass@` and `?token=…`; this catches what it could not
    // read, such as a percent-encoded `access%5Ftoken`. Serializing re-encodes and normalizes
    // the URL (`https://host` gains a `/`), so the parsed form is used only when needed.
    const hasUnmaskedParameter = entries.some(isMaskedParameter);
    if (!hasUserinfo && !hasUnmaskedParameter) return text;
    if (reused) parsed = new URL(text);
    if (isUnmasked(parsed.username)) parsed.username = REDACTED;
    if (isUnmasked(parsed.password)) parsed.password = REDACTED;
    if (hasUnmaskedParameter) {
      parsed.search = '';
      for (const entry of entries) {
        parsed.searchParams.append(entry[0], isMaskedParameter(entry) ? REDACTED : entry[1]);
      }
    }
    return redactText(parsed.href.replaceAll(encodedMask, REDACTED));
  }

  function redactHeaderValue(name: string, value: string): string {
    if (!isSensitiveNamedValue(name, value, 'field')) return redactText(value);
    if (splitNameSegments(name).includes('authorization')) {
      // The scheme says how the request authenticated, which helps debugging and is not secret.
      const scheme = /^([A-Za-z][A-Za-z0-9_-]{0,31})[ \t]+\S/.exec(value)?.[1];
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

  return {
    register(secretValue) {
      secrets.register(secretValue);
    },
    redactText,
    redactUrl,
    redactHeaders,
    redactValue<T>(value: T): T {
      return redactStructure(value, { redactText, redactUrl }) as T;
    },
  };
}
