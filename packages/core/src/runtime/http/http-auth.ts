import type { HttpAuth, SecretInput } from '../../contract/v1/http-client-v1';
import { ConfigurationError } from '../../errors/configuration-error';
import type { Redactor } from '../redaction/redactor';
import type { SecretResolver } from '../secrets/secret-resolver';
import { SecretValue } from '../secrets/secret-value';

export type { HttpAuth, SecretInput };

/** The header that carries a resolved credential. */
export interface AuthorizationHeader {
  name: string;
  value: string;
}

/**
 * Resolves `auth` into the header to send and registers what is sent with the redactor.
 *
 * Resolved secrets keep line breaks other than one trailing newline (a PEM key needs them), so
 * this is where a credential meets the header rules: a line break or another control character
 * in a token, password or header value (a file written with two newlines, a pasted `\r`), a
 * character beyond Latin-1 in a token or header value, a header name that is not a token, or a
 * `:` in a basic user name is a `ConfigurationError` naming the secret reference or the field,
 * never the value. undici would otherwise refuse the request as an invalid header.
 */
export async function resolveAuthorizationHeader(
  auth: HttpAuth,
  options: { secrets: SecretResolver; redactor: Redactor; signal?: AbortSignal },
): Promise<AuthorizationHeader> {
  const resolveOptions = options.signal === undefined ? {} : { signal: options.signal };
  const reveal = async (input: SecretInput, latin1Only: boolean): Promise<string> => {
    const secret = await options.secrets.resolve(asSecretSource(input), resolveOptions);
    const value = secret.reveal();
    options.redactor.register(value);
    const problem = findUnsendable(value, latin1Only);
    if (problem !== undefined) {
      throw unsendable(
        secret.reference,
        'a credential without line breaks or other control characters (one trailing newline is dropped)' +
          (latin1Only ? ', in visible ASCII or Latin-1' : ''),
        `a value containing ${problem}`,
      );
    }
    return value;
  };
  switch (auth.type) {
    case 'bearer': {
      const token = await reveal(auth.token, true);
      return { name: 'authorization', value: `Bearer ${token}` };
    }
    case 'basic': {
      // RFC 7617: the user name ends at the first colon, so it cannot hold one. Both parts are
      // base64 encoded, so any printable character (UTF-8 included) is fine.
      if (auth.username.includes(':') || findUnsendable(auth.username, false) !== undefined) {
        throw unsendable(
          'auth.username',
          'a user name without ":" or control characters',
          'a name that cannot be sent',
        );
      }
      const password = await reveal(auth.password, false);
      const encoded = Buffer.from(`${auth.username}:${password}`).toString('base64');
      options.redactor.register(encoded);
      return { name: 'authorization', value: `Basic ${encoded}` };
    }
    case 'header': {
      if (!HEADER_NAME.test(auth.name)) {
        throw unsendable(
          'auth.name',
          'an HTTP header name, e.g. "Api-Token"',
          'a name that is not a token',
        );
      }
      if (auth.prefix !== undefined && findUnsendable(auth.prefix, true) !== undefined) {
        throw unsendable(
          'auth.prefix',
          'a prefix of visible characters, e.g. "Token token="',
          'a prefix that cannot be sent in a header',
        );
      }
      const value = await reveal(auth.value, true);
      return { name: auth.name.toLowerCase(), value: `${auth.prefix ?? ''}${value}` };
    }
  }
}

// RFC 9110 `token`.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * What in `text` cannot go in a header, described without the value: a line break, another C0
 * control character or DEL, or (when `latin1Only`) a character above U+00FF, which undici
 * refuses in a header value.
 */
function findUnsendable(text: string, latin1Only: boolean): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return 'a line break';
    if (code < 0x20 || code === 0x7f) return `a control character (U+${hex(code)})`;
    if (latin1Only && code > 0xff) return 'a character beyond Latin-1';
  }
  return undefined;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

function unsendable(path: string, expected: string, received: string): ConfigurationError {
  return new ConfigurationError({ issues: [{ path, expected, received }] });
}

/**
 * What the resolver takes: a reference, or a `SecretValue` (a resolved secret from another
 * copy of core, or the host's own kind, is wrapped so its value still goes through `reveal`).
 */
function asSecretSource(input: SecretInput): string | SecretValue {
  if (typeof input === 'string' || SecretValue.isInstance(input)) return input;
  return new SecretValue(input.reveal(), input.reference);
}
