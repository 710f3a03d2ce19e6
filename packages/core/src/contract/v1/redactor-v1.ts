/**
 * The one redactor used for logs, errors, evidence and reports. It masks the secret values
 * registered with it (as resolved by the secret resolver) and credential shapes it recognizes
 * without being told: named credentials (authorization headers, `?access_token=…`,
 * `"api_key": "…"`), URL userinfo, `Bearer …` with a token-shaped value and well-known token
 * formats. The rules are stated in docs/security.md ("What the redactor masks").
 */
export interface Redactor {
  /**
   * Registers a secret value (and its URL- and base64-encoded forms) to be masked everywhere.
   * A form of 8 characters or more is masked wherever it occurs; a shorter one only as a whole
   * token (not inside a longer word or number). The empty string is ignored.
   */
  register(secretValue: string): void;
  /** Masks registered secrets and credential shapes in free text; linear in the text's length. */
  redactText(text: string): string;
  /** Masks userinfo, credential query parameters and registered secrets in a URL string. */
  redactUrl(url: string | URL): string;
  /**
   * Masks the values of credential headers (Authorization, Proxy-Authorization, Cookie,
   * Set-Cookie, X-Api-Key, *-Token, *-Secret, *-Password…, keeping an authorization scheme) and
   * redacts the others as text.
   */
  redactHeaders(
    headers: Record<string, string | string[] | undefined>,
  ): Record<string, string | string[]>;
  /**
   * Returns a JSON-like value with every string redacted and the values of credential keys
   * masked. Plain objects and arrays in which nothing was masked are returned as they are, and
   * a changed one is copied along the changed paths only, sharing unchanged parts: never mutate
   * the result expecting the input to stay as it was. Errors, class instances and other
   * non-plain objects become plain copies of their own enumerable properties, and cyclic
   * structures are copied (their cycles kept); values nested
   * deeper than 256 levels are replaced by the mask.
   */
  redactValue<T>(value: T): T;
}
