import { applySpans, type MaskedSpan, type TextRule } from '../text-rule';

const MAXIMUM_SCHEME_LENGTH = 32;

/** Ends a URL's authority in free text: `/ ? #`, whitespace, and what cannot appear unencoded in a URL. */
function endsAuthority(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x2f || // /
    code === 0x3f || // ?
    code === 0x23 || // #
    code === 0x22 || // "
    code === 0x27 || // '
    code === 0x3c || // <
    code === 0x3e || // >
    code === 0x60 || // `
    code === 0x5c || // \
    code === 0x7b || // {
    code === 0x7d || // }
    code === 0x7c || // |
    code === 0x5e || // ^
    code === 0x5b || // [
    code === 0x5d // ]
  );
}

function isSchemeCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2b ||
    code === 0x2e ||
    code === 0x2d
  );
}

/**
 * URL userinfo (`https://user:password@host`): everything between `://` and the last `@` of the
 * authority, as URL parsers read it, so a password holding an unencoded `@` is masked whole.
 * A scanner rather than a regular expression: each `://` reads only its own authority.
 */
export const urlUserinfoRule: TextRule = {
  description: 'userinfo in URLs (https://user:password@host)',
  redact(text, mask) {
    const spans: MaskedSpan[] = [];
    let from = 0;
    for (;;) {
      const separator = text.indexOf('://', from);
      if (separator === -1) break;
      const start = separator + 3;
      let schemeStart = separator;
      while (
        schemeStart > 0 &&
        separator - schemeStart < MAXIMUM_SCHEME_LENGTH &&
        isSchemeCharacter(text.charCodeAt(schemeStart - 1))
      ) {
        schemeStart -= 1;
      }
      let end = start;
      let lastAt = -1;
      while (end < text.length && !endsAuthority(text.charCodeAt(end))) {
        if (text.charCodeAt(end) === 0x40) lastAt = end;
        end += 1;
      }
      if (schemeStart < separator && lastAt > start && text.slice(start, lastAt) !== mask) {
        spans.push({ start, end: lastAt, replacement: mask });
      }
      // The authority cannot hold `://`, so the next one starts after it.
      from = Math.max(end, start);
    }
    return applySpans(text, spans);
  },
  adversarialInputs: [
    { repeated: 'a.' },
    { repeated: 'a@' },
    { repeated: 'a://' },
    { repeated: 'a://b@' },
    { prefix: 'https://', repeated: 'a' },
    { prefix: 'https://', repeated: 'a:' },
    { repeated: 'https://a' },
  ],
};
