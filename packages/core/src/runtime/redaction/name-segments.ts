/** Names longer than this are judged by their last characters only, which hold the head noun. */
const MAXIMUM_NAME_LENGTH = 256;

/**
 * Splits a field, header or query parameter name into lowercase word segments, the way a reader
 * would: at any character that is not a letter or digit (`snake_case`, `kebab-case`,
 * `dotted.names`, `auth[token]`), at camelCase humps (`accessToken`, `APIKey` → `api`, `key`)
 * and between letters and digits. Digit-only segments are dropped: `key1`, `X-Hub-Signature-256`
 * and `oauth2Token` are about a key, a signature and a token.
 *
 * Linear in the name's length, and bounded: only the last 256 characters are read.
 *
 * @param name - The name as written, any case.
 * @returns The word segments, lowercase, in order.
 */
export function splitNameSegments(name: string): string[] {
  const text = name.length > MAXIMUM_NAME_LENGTH ? name.slice(-MAXIMUM_NAME_LENGTH) : name;
  const segments: string[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start !== -1) {
      const segment = text.slice(start, end);
      if (!/^\d+$/.test(segment)) segments.push(segment.toLowerCase());
    }
    start = -1;
  };
  for (let index = 0; index < text.length; index += 1) {
    const kind = characterKind(text.charCodeAt(index));
    if (kind === 'other') {
      flush(index);
      continue;
    }
    if (start !== -1) {
      const previous = characterKind(text.charCodeAt(index - 1));
      const next = index + 1 < text.length ? characterKind(text.charCodeAt(index + 1)) : 'other';
      const hump =
        (kind === 'upper' && previous === 'lower') ||
        // The last capital of an acronym starts the next word: `APIKey` → `API`, `Key`.
        (kind === 'upper' && previous === 'upper' && next === 'lower') ||
        (kind === 'digit') !== (previous === 'digit');
      if (hump) flush(index);
    }
    if (start === -1) start = index;
  }
  flush(text.length);
  return segments;
}

function characterKind(code: number): 'upper' | 'lower' | 'digit' | 'other' {
  if (code >= 65 && code <= 90) return 'upper';
  if (code >= 97 && code <= 122) return 'lower';
  if (code >= 48 && code <= 57) return 'digit';
  return 'other';
}
