import { encodedFormsOfSecret } from './secret-forms';

/**
 * Forms at least this long are masked wherever they occur, even inside a longer word. Shorter
 * ones are masked only as a whole token: masking a 4-character secret inside every word that
 * contains it would shred ordinary text, and the fragment alone does not reveal a secret that
 * short anyway.
 */
export const MINIMUM_SUBSTRING_SECRET_LENGTH = 8;

// A base64 run: a secret inside a larger encoded blob (`Basic base64(user:secret)`) does not
// appear as base64(secret), so blobs are decoded and searched.
const BASE64_RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetterOrDigit(character: string | undefined): boolean {
  return character !== undefined && LETTER_OR_DIGIT.test(character);
}

/**
 * Calls `found` for each occurrence of `form` in `text` that counts: anywhere for a long form,
 * only between token boundaries for a short one (the character outside each end is not a letter
 * or digit when the form's own end is one).
 */
function forEachOccurrence(
  text: string,
  form: string,
  found: (start: number, end: number) => void,
): void {
  const wholeTokenOnly = form.length < MINIMUM_SUBSTRING_SECRET_LENGTH;
  const needsBoundaryBefore = isLetterOrDigit(form[0]);
  const needsBoundaryAfter = isLetterOrDigit(form[form.length - 1]);
  let index = text.indexOf(form);
  while (index !== -1) {
    const end = index + form.length;
    if (
      !wholeTokenOnly ||
      ((!needsBoundaryBefore || !isLetterOrDigit(text[index - 1])) &&
        (!needsBoundaryAfter || !isLetterOrDigit(text[end])))
    ) {
      found(index, end);
    }
    index = text.indexOf(form, index + 1);
  }
}

function containsSecret(text: string, value: string): boolean {
  if (value.length >= MINIMUM_SUBSTRING_SECRET_LENGTH) return text.includes(value);
  let found = false;
  forEachOccurrence(text, value, () => {
    found = true;
  });
  return found;
}

/** The secrets registered with one redactor and how to mask them in text. */
export interface SecretRegistry {
  /** Adds a value and its encoded forms; the empty string is ignored. */
  register(value: string): void;
  /** Masks every counted occurrence of every form, and base64 blobs that hide a value. */
  mask(text: string, mask: string): string;
}

/** Creates an empty registry. */
export function createSecretRegistry(): SecretRegistry {
  const values = new Set<string>();
  let forms: string[] = [];
  // UTF-8 size of the shortest registered value: a base64 blob that decodes to fewer bytes
  // cannot hide any secret, so it need not be decoded.
  let shortestValueBytes = Number.POSITIVE_INFINITY;

  return {
    register(value) {
      if (value === '' || values.has(value)) return;
      values.add(value);
      shortestValueBytes = Math.min(shortestValueBytes, Buffer.byteLength(value));
      const all = new Set(forms);
      for (const form of encodedFormsOfSecret(value)) all.add(form);
      forms = [...all].sort((left, right) => right.length - left.length);
    },
    mask(text, mask) {
      if (forms.length === 0 || text.length === 0) return text;
      // Every occurrence of every form and every blob hiding a secret, merged where they
      // overlap, so that overlapping secrets are masked as one span and no fragment survives.
      const ranges: Array<[start: number, end: number]> = [];
      for (const form of forms) {
        forEachOccurrence(text, form, (start, end) => ranges.push([start, end]));
      }
      BASE64_RUN.lastIndex = 0;
      for (const match of text.matchAll(BASE64_RUN)) {
        // Base64 carries 3 bytes per 4 characters.
        if (Math.floor((match[0].length * 3) / 4) < shortestValueBytes) continue;
        const decoded = Buffer.from(match[0], 'base64').toString('utf8');
        for (const value of values) {
          if (containsSecret(decoded, value)) {
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
          output += text.slice(cursor, spanStart) + mask;
          cursor = spanEnd;
        }
        spanStart = start;
        spanEnd = end;
      }
      return output + text.slice(cursor, spanStart) + mask + text.slice(spanEnd);
    },
  };
}
