import type { SecretValue } from './secret-value';

/**
 * Where a secret lives, never the secret itself: `env:NAME`, `file:PATH`, or
 * `<scheme>:<rest>` for a scheme a package registers (e.g. `vault:secret/data/ci#token`).
 */
export type SecretReference = string;

/**
 * Resolves one scheme of secret reference. `rest` is everything after `scheme:`. Return
 * `undefined` when the secret does not exist; the resolver turns that into a
 * `ConfigurationError` naming the reference.
 */
export interface SecretSchemeResolver {
  resolve(rest: string, context: { signal?: AbortSignal }): Promise<string | undefined>;
}

/** Turns secret references from configuration into `SecretValue`s, lazily and once each. */
export interface SecretResolver {
  /**
   * Resolves a reference (or passes a `SecretValue` through) and registers the value with the
   * redactor. The first call reads the source; later calls for the same reference share it.
   *
   * @throws ConfigurationError when the reference is malformed, its scheme is unknown, or the
   * variable or file it names does not exist. The error names the reference, never a value.
   */
  resolve(
    reference: SecretReference | SecretValue,
    options?: { signal?: AbortSignal },
  ): Promise<SecretValue>;
  /** Adds a scheme (e.g. `vault`) so another package can extend resolution. */
  registerScheme(scheme: string, resolver: SecretSchemeResolver): void;
}
