/**
 * Escapers that keep a scope value inside the string literal it was placed in. Each one is the
 * inverse of how that language reads its literals, so un-escaping gives back the value exactly.
 */

function hexEscape(character: string): string {
  return `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * Escapes a value for a double-quoted PromQL or LogQL string (Go string syntax): backslash,
 * double quote, newline, carriage return and tab get backslash escapes; other control characters
 * become `\u00XX`. The output is also valid JSON string content.
 */
export function escapePromqlString(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped.
  return value.replace(/[\\"\u0000-\u001f\u007f]/g, (character) => {
    switch (character) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return hexEscape(character);
    }
  });
}

/**
 * Escapes RE2 metacharacters so a value matches itself literally inside a `=~`, `!~` or `|~`
 * regular expression. Apply before {@link escapePromqlString}.
 */
export function escapeRegularExpression(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Escapes a value for a single-quoted NRQL string: backslash and single quote. */
export function escapeNrqlString(value: string): string {
  return value.replace(/[\\']/g, '\\$&');
}

/**
 * Escapes a value for a double-quoted JQL string: backslash and double quote, plus newline and
 * carriage return, which JQL does not accept raw inside a string.
 */
export function escapeJqlString(value: string): string {
  return value.replace(/[\\"\n\r]/g, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    return `\\${character}`;
  });
}

/** Escapes a value for a double-quoted Lucene / OpenSearch phrase: backslash and double quote. */
export function escapeLucenePhrase(value: string): string {
  return value.replace(/[\\"]/g, '\\$&');
}

/**
 * Escapes a value for an unquoted Lucene / OpenSearch query-string term: every reserved
 * character (`+ - = && || > < ! ( ) { } [ ] ^ " ~ * ? : \ /`) and every whitespace character
 * gets a backslash, so the value stays one literal term; a value that is exactly an operator
 * word (`AND`, `OR`, `NOT`) gets one too.
 */
export function escapeLuceneTerm(value: string): string {
  const escaped = value.replace(/[+\-=&|><!(){}[\]^"~*?:\\/\s]/gu, '\\$&');
  return /^(?:AND|OR|NOT)$/.test(escaped) ? `\\${escaped}` : escaped;
}
