import type { Redactor } from '../redaction/redactor';
import type { SecretReference, SecretResolver } from '../secrets/secret-resolver';
import type { SecretValue } from '../secrets/secret-value';

/** A credential: a reference such as `env:GITHUB_TOKEN`, or an already-resolved value. */
export type SecretInput = SecretReference | SecretValue;

/**
 * How a client authenticates. Secrets are resolved at request time, never stored in the
 * client, and registered with the redactor in every form they are sent in.
 */
export type HttpAuth =
  /** `Authorization: Bearer <token>`. */
  | { type: 'bearer'; token: SecretInput }
  /** `Authorization: Basic base64(username:password)`. */
  | { type: 'basic'; username: string; password: SecretInput }
  /**
   * Any header, with an optional prefix: `{ name: 'Authorization', prefix: 'Token token=' }`,
   * `{ name: 'Authorization', prefix: 'GenieKey ' }`, `{ name: 'Api-Token' }`.
   */
  | { type: 'header'; name: string; value: SecretInput; prefix?: string };

/** The header that carries a resolved credential. */
export interface AuthorizationHeader {
  name: string;
  value: string;
}

/** Resolves `auth` into the header to send and registers what is sent with the redactor. */
export async function resolveAuthorizationHeader(
  auth: HttpAuth,
  options: { secrets: SecretResolver; redactor: Redactor; signal?: AbortSignal },
): Promise<AuthorizationHeader> {
  const resolveOptions = options.signal === undefined ? {} : { signal: options.signal };
  switch (auth.type) {
    case 'bearer': {
      const token = (await options.secrets.resolve(auth.token, resolveOptions)).reveal();
      options.redactor.register(token);
      return { name: 'authorization', value: `Bearer ${token}` };
    }
    case 'basic': {
      const password = (await options.secrets.resolve(auth.password, resolveOptions)).reveal();
      options.redactor.register(password);
      const encoded = Buffer.from(`${auth.username}:${password}`).toString('base64');
      options.redactor.register(encoded);
      return { name: 'authorization', value: `Basic ${encoded}` };
    }
    case 'header': {
      const value = (await options.secrets.resolve(auth.value, resolveOptions)).reveal();
      options.redactor.register(value);
      return { name: auth.name.toLowerCase(), value: `${auth.prefix ?? ''}${value}` };
    }
  }
}
