import { ForwardSearch } from '../forward-search';
import { splitNameSegments } from '../name-segments';
import { classifyName, type NameClass, type NameContext } from '../sensitive-names';
import { applySpans, type MaskedSpan, type TextRule } from '../text-rule';
import { CREDENTIAL_SHAPE, isWording, MAXIMUM_WORDING_LENGTH } from '../value-shape';

const MAXIMUM_NAME_LENGTH = 128;
const MAXIMUM_PADDING = 8;
const MAXIMUM_TRAILING_PUNCTUATION = 4;

/** Authorization schemes whose next word is the credential, whatever it looks like. */
const AUTHORIZATION_SCHEMES: ReadonlySet<string> = new Set([
  'bearer',
  'basic',
  'digest',
  'token',
  'negotiate',
  'ntlm',
  'dpop',
  'hoba',
  'mutual',
  'sharedkey',
  'sso-key',
  'apikey',
  'aws4-hmac-sha256',
]);

function isNameCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f || // _
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x25 || // %
    code === 0x5b || // [
    code === 0x5d // ]
  );
}

/** Ends an unquoted value: whitespace, quotes, and the separators of queries, lists and markup. */
function endsValue(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x22 || // "
    code === 0x27 || // '
    code === 0x60 || // `
    code === 0x26 || // &
    code === 0x2c || // ,
    code === 0x3b || // ;
    code === 0x3c || // <
    code === 0x3e || // >
    code === 0x23 || // #
    code === 0x7d // }
  );
}

/** The end of an unquoted value without the sentence punctuation after it (a few characters). */
function trimPunctuation(text: string, start: number, end: number): number {
  let trimmedEnd = end;
  while (
    trimmedEnd > start &&
    end - trimmedEnd < MAXIMUM_TRAILING_PUNCTUATION &&
    isSentencePunctuation(text.charCodeAt(trimmedEnd - 1)) &&
    !closesOpening(text, start, trimmedEnd - 1)
  ) {
    trimmedEnd -= 1;
  }
  return trimmedEnd;
}

/** True when the `)` or `]` at `index` closes a bracket opened shortly before, inside the value. */
function closesOpening(text: string, valueStart: number, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code !== 0x29 && code !== 0x5d) return false;
  const opening = code === 0x29 ? 0x28 : 0x5b;
  for (let cursor = index - 1; cursor >= Math.max(valueStart, index - 64); cursor -= 1) {
    if (text.charCodeAt(cursor) === opening) return true;
  }
  return false;
}

// Trimmed from the end of an unquoted value: `token=abc).` or "the token: missing." A closing
// bracket stays part of a value such as `targets[0]` and is trimmed only at its end.
function isSentencePunctuation(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x3a ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x29 ||
    code === 0x5d
  );
}

function isPadding(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function decodeName(name: string): string {
  if (!name.includes('%')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Credentials written as a named value: `?access_token=…` and `&X-Amz-Signature=…` in URLs,
 * `password=…` in form bodies and logs, `"api_key": "…"` in JSON, `token: …` in YAML and
 * messages, `Authorization: Bearer …`. The name is judged by the one rule ({@link classifyName})
 * that object keys, headers and parsed query parameters use.
 *
 * How strongly the value is presumed a credential depends on how it is written:
 * - `name=value` (no space before `=`) and quoted values are literal assignments: any value of a
 *   credential name is masked;
 * - `name: value` and `name = value` are also how prose is written ("settings.token: expected a
 *   secret reference"): the value is masked unless it is a word or field path;
 * - an ambiguous name (`key`, `code`, `session`…) masks only a value shaped like a credential;
 * - after an authorization name, a known scheme (`Bearer`, `Basic`, `token`…) is kept and what
 *   follows it is masked: the rest of a quoted value, or the next word unless it is wording.
 *
 * A scanner: names are read backwards at most 128 characters from each `=` or `:`, and value
 * ends come from amortized forward searches, so the work is linear in the text.
 */
export const namedValueRule: TextRule = {
  description:
    'named credentials: query parameters, assignments, JSON and YAML fields, Authorization',
  redact(text, mask) {
    if (!text.includes('=') && !text.includes(':')) return text;
    const spans: MaskedSpan[] = [];
    // Created on first use: most texts name nothing sensitive and never need them.
    let searches: ValueSearches | undefined;
    const assignmentNames = new Map<string, NameClass>();
    const fieldNames = new Map<string, NameClass>();
    let skipUntil = 0;
    for (let separator = 0; separator < text.length; separator += 1) {
      const code = text.charCodeAt(separator);
      if (code !== 0x3d && code !== 0x3a) continue;
      if (separator < skipUntil) continue;
      // The name: back over padding, an optional closing quote, then name characters.
      let cursor = separator;
      let paddingBefore = 0;
      while (
        cursor > 0 &&
        paddingBefore < MAXIMUM_PADDING &&
        isPadding(text.charCodeAt(cursor - 1))
      ) {
        cursor -= 1;
        paddingBefore += 1;
      }
      const closingQuote = text.charCodeAt(cursor - 1);
      if (closingQuote === 0x22 || closingQuote === 0x27) cursor -= 1;
      const nameEnd = cursor;
      while (
        cursor > 0 &&
        nameEnd - cursor < MAXIMUM_NAME_LENGTH &&
        isNameCharacter(text.charCodeAt(cursor - 1))
      ) {
        cursor -= 1;
      }
      if (cursor === nameEnd) continue;
      // `//host:port` and `//user:password@`: an authority, which the userinfo rule reads.
      if (text.charCodeAt(cursor - 1) === 0x2f && text.charCodeAt(cursor - 2) === 0x2f) continue;
      const name = decodeName(text.slice(cursor, nameEnd));
      const isAssignment = text.charCodeAt(separator) === 0x3d && paddingBefore === 0;
      const context: NameContext = isAssignment ? 'query' : 'field';
      const cache = isAssignment ? assignmentNames : fieldNames;
      let nameClass = cache.get(name);
      if (nameClass === undefined) {
        nameClass = classifyName(name, context);
        // Names repeat (`a=1&b=2`, JSON keys); the cache lives for one call only.
        if (cache.size < 1024) cache.set(name, nameClass);
      }
      if (nameClass === 'ordinary') continue;
      searches ??= createValueSearches(text);
      const { valueEnds, doubleQuotes, singleQuotes, shapes } = searches;

      // The value: after padding, quoted to its closing quote (or the line's end) or unquoted.
      let valueStart = separator + 1;
      let paddingAfter = 0;
      while (
        valueStart < text.length &&
        paddingAfter < MAXIMUM_PADDING &&
        isPadding(text.charCodeAt(valueStart))
      ) {
        valueStart += 1;
        paddingAfter += 1;
      }
      const opening = text.charCodeAt(valueStart);
      const quoted = opening === 0x22 || opening === 0x27;
      let valueEnd: number;
      if (quoted) {
        valueStart += 1;
        valueEnd = (opening === 0x22 ? doubleQuotes : singleQuotes).nextFrom(valueStart);
      } else {
        // `"token": {` or `[`: a structure, whose own fields are judged on their own.
        if (opening === 0x7b || opening === 0x5b || opening === 0x28) continue;
        valueEnd = trimPunctuation(text, valueStart, valueEnds.nextFrom(valueStart));
      }
      if (valueEnd <= valueStart || text.startsWith(mask, valueStart)) continue;

      if (nameClass === 'credential' && splitNameSegments(name).includes('authorization')) {
        const credential = credentialAfterScheme(text, valueStart, valueEnd, quoted, valueEnds);
        if (credential !== undefined) {
          if (credential.end > credential.start && !text.startsWith(mask, credential.start)) {
            spans.push({ ...credential, replacement: mask });
            skipUntil = credential.end;
          }
          continue;
        }
      }

      const strong = quoted || (isAssignment && paddingAfter === 0);
      const masked =
        nameClass === 'credential'
          ? !isSecretReferenceAt(text, valueStart, valueEnd) &&
            (strong || !isWordingAt(text, valueStart, valueEnd))
          : shapes.isCredentialShaped(valueStart, valueEnd);
      if (masked) {
        spans.push({ start: valueStart, end: valueEnd, replacement: mask });
        skipUntil = valueEnd;
      }
    }
    return applySpans(text, spans);
  },
  adversarialInputs: [
    { repeated: '=' },
    { repeated: ':' },
    { repeated: 'a=' },
    { repeated: 'token=' },
    { repeated: 'token:' },
    { repeated: 'token: ' },
    { repeated: 'key=' },
    { repeated: 'key=a:' },
    { repeated: 'code:"a' },
    { repeated: 'token:"' },
    { prefix: 'key="', repeated: 'key=' },
    { prefix: "key='", repeated: 'key:a' },
    { repeated: 'authorization: Bearer ' },
    { repeated: 'authorization=' },
    { prefix: 'password=', repeated: 'a' },
    { prefix: 'session: ', repeated: 'a.' },
    { repeated: `${'a'.repeat(200)}_token=` },
    { repeated: '        =' },
    { repeated: '.:' },
  ],
};

function isTokenCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x7e || // ~
    code === 0x2b || // +
    code === 0x2f || // /
    code === 0x3d || // =
    code === 0x25 || // %
    code === 0x2d // -
  );
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

function isLetterOrDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * {@link isCredentialShaped} for spans of one text, without copying them: the spans a scan asks
 * about start at increasing positions, so amortized searches read each character once.
 */
class SpanShapes {
  readonly #nonToken: ForwardSearch;
  readonly #digit: ForwardSearch;
  readonly #nonDigit: ForwardSearch;

  constructor(text: string) {
    this.#nonToken = new ForwardSearch(text, (code) => !isTokenCharacter(code));
    this.#digit = new ForwardSearch(text, isDigit);
    this.#nonDigit = new ForwardSearch(text, (code) => !isDigit(code));
  }

  isCredentialShaped(start: number, end: number): boolean {
    const length = end - start;
    if (length >= CREDENTIAL_SHAPE.minimumDigitsOnly && this.#nonDigit.nextFrom(start) >= end) {
      return true;
    }
    return (
      length >= CREDENTIAL_SHAPE.minimumLength &&
      this.#nonToken.nextFrom(start) >= end &&
      this.#digit.nextFrom(start) < end
    );
  }
}

interface ValueSearches {
  valueEnds: ForwardSearch;
  doubleQuotes: ForwardSearch;
  singleQuotes: ForwardSearch;
  shapes: SpanShapes;
}

function createValueSearches(text: string): ValueSearches {
  return {
    valueEnds: new ForwardSearch(text, endsValue),
    doubleQuotes: new ForwardSearch(text, (code) => code === 0x22 || code === 0x0a),
    singleQuotes: new ForwardSearch(text, (code) => code === 0x27 || code === 0x0a),
    shapes: new SpanShapes(text),
  };
}

// `env:NAME` and `file:PATH` say where a secret lives, never what it is: configuration that
// shows them (`token: env:GITHUB_TOKEN`, a suggested config) must stay readable and valid.
const SECRET_REFERENCE = /^(?:env:[A-Za-z_][A-Za-z0-9_]{0,127}|file:[A-Za-z0-9_./~-]{1,512})$/;

function isSecretReferenceAt(text: string, start: number, end: number): boolean {
  return end - start <= 520 && SECRET_REFERENCE.test(text.slice(start, end));
}

function isWordingAt(text: string, start: number, end: number): boolean {
  // Words are short; a long value is judged without copying it.
  return end - start <= MAXIMUM_WORDING_LENGTH && isWording(text.slice(start, end));
}

/**
 * For an authorization value that starts with a known scheme, the span of the credential after
 * it: the rest of a quoted value, or the next word of an unquoted one. `undefined` when the value
 * does not start with a scheme.
 */
function credentialAfterScheme(
  text: string,
  valueStart: number,
  valueEnd: number,
  quoted: boolean,
  valueEnds: ForwardSearch,
): { start: number; end: number } | undefined {
  let schemeEnd = valueStart;
  while (
    schemeEnd < valueEnd &&
    schemeEnd - valueStart < 24 &&
    !isPadding(text.charCodeAt(schemeEnd))
  ) {
    schemeEnd += 1;
  }
  const scheme = text.slice(valueStart, schemeEnd).toLowerCase();
  if (!AUTHORIZATION_SCHEMES.has(scheme)) return undefined;
  let start = schemeEnd;
  let padding = 0;
  while (start < text.length && padding < MAXIMUM_PADDING && isPadding(text.charCodeAt(start))) {
    start += 1;
    padding += 1;
  }
  if (padding === 0) return undefined;
  if (quoted) return { start, end: valueEnd };
  const end = trimPunctuation(text, start, valueEnds.nextFrom(start));
  // Unquoted, this may be prose ("authorization: bearer token missing", "token (the…"): a word
  // or something that does not start like a token stays.
  if (!isLetterOrDigit(text.charCodeAt(start)) || isWordingAt(text, start, end)) {
    return { start, end: start };
  }
  return { start, end };
}
