/** Longer than any word or field path a message would name. */
export const MAXIMUM_WORDING_LENGTH = 128;

// A word is lowercase, Capitalized, an ACRONYM, or camelCase whose humps are real syllables
// (`maxAgeSeconds`; not `eyJhbGciOi`). Words may be joined by `.`, `_` or `-` and indexed by
// `[n]`: `expected`, `read-only`, `settings.token`, `targets[0].selector`. No digits outside an
// index, no base64 symbols.
const WORD = '(?:[A-Z]?[a-z]+(?:[A-Z][a-z]{2,})*|[A-Z]{1,8})';
const WORDING = new RegExp(`^${WORD}(?:\\[\\d{1,9}\\]|[._-]${WORD})*$`);

/**
 * True when a value reads as wording rather than as a credential: one English-like word or a
 * field path. Used where prose is likely (`name: value`, `Bearer value` in free text), so that
 * "settings.token: expected a secret reference" and "the bearer token is sent" stay readable.
 *
 * @param value - A single whitespace-free value.
 */
export function isWording(value: string): boolean {
  return value.length <= MAXIMUM_WORDING_LENGTH && WORDING.test(value);
}

const TOKEN_ALPHABET = /^[A-Za-z0-9._~+/=%-]+$/;

/** The lengths in {@link isCredentialShaped}, shared with the scanners that judge spans. */
export const CREDENTIAL_SHAPE = { minimumLength: 16, minimumDigitsOnly: 6 } as const;

/**
 * True when a value has the shape of a generated credential: at least 16 characters of the
 * token alphabet (letters, digits, `._~+/=%-`) with at least one digit, or a run of 6 or more
 * digits (a one-time code). Used only for names that are credentials in some APIs and ordinary
 * in others (`key`, `code`, `session`, `auth`): `?key=AIzaSyD…` and `?code=4/0AX4…` are masked,
 * `key: PROJ-123` and `code: connector_error` are not.
 *
 * @param value - The value as it appears.
 */
export function isCredentialShaped(value: string): boolean {
  if (value.length >= CREDENTIAL_SHAPE.minimumDigitsOnly && /^\d+$/.test(value)) return true;
  return (
    value.length >= CREDENTIAL_SHAPE.minimumLength && TOKEN_ALPHABET.test(value) && /\d/.test(value)
  );
}
