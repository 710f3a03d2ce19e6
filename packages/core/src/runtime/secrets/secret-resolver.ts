import { readFile as readFileFromDisk } from 'node:fs/promises';
import path from 'node:path';
import type {
  SecretReference,
  SecretResolver,
  SecretSchemeResolver,
} from '../../contract/v1/secret-resolver-v1';
import { SecretValue } from '../../contract/v1/secret-value';
import { ConfigurationError } from '../../errors/configuration-error';
import { SingleFlight } from '../cache/single-flight';
import type { Redactor } from '../redaction/redactor';
import { parseSecretReference, SECRET_REFERENCE_EXPECTATION } from './secret-reference';

// The interfaces are part of the connector contract; re-exported so runtime imports keep working.
export type {
  SecretReference,
  SecretResolver,
  SecretSchemeResolver,
} from '../../contract/v1/secret-resolver-v1';
export { secretReferenceSchema } from './secret-reference';

/** Options of {@link createSecretResolver}. */
export interface SecretResolverOptions {
  /** Every resolved value is registered here, so every output path masks it. */
  redactor: Redactor;
  /** Where `env:` references read; defaults to `process.env`, read at resolution time. */
  environment?: Record<string, string | undefined>;
  /** How `file:` references read an absolute path; defaults to `fs.promises.readFile`. */
  readFile?: (path: string) => Promise<string>;
  /** Extra schemes, as if passed to `registerScheme`. */
  schemes?: Record<string, SecretSchemeResolver>;
}

const schemeNamePattern = /^[a-z][a-z0-9+.-]{0,31}$/;

/**
 * Creates a resolver for `env:NAME` and `file:PATH` references, plus any scheme registered
 * later. Values are read on first use, not at creation, so a host can build configuration
 * before its secrets exist and a connector that never runs never reads its token.
 *
 * `file:` paths resolve from `process.cwd()` when relative. For `env:` and `file:`, ONE trailing
 * newline (`\n` or `\r\n`) is dropped, as files written with `echo` and Kubernetes or Docker
 * secrets end with one. Other line breaks are kept (a PEM key has them); a credential sent in a
 * header is checked where the header is built.
 *
 * @example
 * ```ts
 * const redactor = createRedactor();
 * const secrets = createSecretResolver({ redactor });
 * const token = await secrets.resolve('env:GITHUB_TOKEN');
 * headers.authorization = `Bearer ${token.reveal()}`;
 * ```
 */
export function createSecretResolver(options: SecretResolverOptions): SecretResolver {
  const { redactor } = options;
  const readFile =
    options.readFile ?? ((absolutePath: string) => readFileFromDisk(absolutePath, 'utf8'));
  // Resolved values, kept for the resolver's life; failures are not kept.
  const resolved = new Map<string, Promise<SecretValue>>();
  // Concurrent first reads of one reference share one read, which stops only when every
  // caller has left: one cancelled call never fails another that resolves the same secret.
  const reads = new SingleFlight<SecretValue>();

  const builtInSchemes: Record<string, SecretSchemeResolver> = {
    env: {
      async resolve(name) {
        const environment = options.environment ?? process.env;
        const value = environment[name];
        if (value === undefined) return undefined;
        const trimmed = withoutTrailingNewline(value);
        return trimmed === '' ? undefined : trimmed;
      },
    },
    file: {
      async resolve(filePath) {
        const absolutePath = path.resolve(process.cwd(), filePath);
        try {
          const text = await readFile(absolutePath);
          const value = withoutTrailingNewline(text);
          return value === '' ? undefined : value;
        } catch (error) {
          throw new ConfigurationError({
            issues: [
              {
                path: `file:${filePath}`,
                expected: 'a readable file',
                received: describeFileError(error),
              },
            ],
            cause: error,
          });
        }
      },
    },
  };
  const schemes = new Map<string, SecretSchemeResolver>(Object.entries(builtInSchemes));

  function registerScheme(scheme: string, resolver: SecretSchemeResolver): void {
    if (!schemeNamePattern.test(scheme)) {
      throw new TypeError(
        `Secret scheme names are lowercase letters, digits, "+", "." or "-" and start with a letter; received "${scheme}".`,
      );
    }
    if (scheme in builtInSchemes) {
      throw new TypeError(`The secret scheme "${scheme}" is built in and cannot be replaced.`);
    }
    schemes.set(scheme, resolver);
  }

  for (const [scheme, resolver] of Object.entries(options.schemes ?? {})) {
    registerScheme(scheme, resolver);
  }

  async function resolveUncached(
    reference: SecretReference,
    signal: AbortSignal | undefined,
  ): Promise<SecretValue> {
    const parsed = parseSecretReference(reference);
    if (parsed === undefined) {
      // The text may be a secret pasted inline: describe it, never echo it.
      throw new ConfigurationError({
        issues: [
          {
            path: '(secret reference)',
            expected: SECRET_REFERENCE_EXPECTATION,
            received: 'a value that is not a secret reference',
          },
        ],
      });
    }
    const schemeResolver = schemes.get(parsed.scheme);
    if (schemeResolver === undefined) {
      throw new ConfigurationError({
        issues: [
          {
            path: `(secret reference with scheme "${parsed.scheme}")`,
            expected: `a secret reference with a known scheme: ${[...schemes.keys()].join(', ')}`,
            received: `the unknown scheme "${parsed.scheme}"`,
          },
        ],
      });
    }
    signal?.throwIfAborted();
    const value = await schemeResolver.resolve(parsed.rest, signal === undefined ? {} : { signal });
    signal?.throwIfAborted();
    if (value === undefined) {
      throw new ConfigurationError({
        issues: [{ path: reference, ...describeMissing(parsed.scheme, parsed.rest) }],
      });
    }
    redactor.register(value);
    return new SecretValue(value, reference);
  }

  return {
    async resolve(reference, resolveOptions = {}) {
      if (SecretValue.isInstance(reference)) {
        // A host may build SecretValues itself; make sure the redactor knows them too.
        redactor.register(reference.reveal());
        return reference;
      }
      const cached = resolved.get(reference);
      if (cached !== undefined) return cached;
      // A failure is not kept: the variable may be set or the file written before a retry.
      return reads.run(
        reference,
        async (signal) => {
          const value = await resolveUncached(reference, signal);
          resolved.set(reference, Promise.resolve(value));
          return value;
        },
        resolveOptions.signal,
      );
    },
    registerScheme,
  };
}

/**
 * Drops ONE trailing `\n` or `\r\n`: how `echo`, Kubernetes and Docker secrets write files.
 * Only one: a value that still ends with a line break is refused where it would be sent in a
 * header (see `resolveAuthorizationHeader`); a PEM key keeps its inner line breaks.
 */
function withoutTrailingNewline(value: string): string {
  if (value.endsWith('\r\n')) return value.slice(0, -2);
  if (value.endsWith('\n')) return value.slice(0, -1);
  return value;
}

function describeMissing(scheme: string, rest: string): { expected: string; received: string } {
  if (scheme === 'env') {
    return { expected: `a set environment variable ${rest}`, received: 'unset or empty' };
  }
  if (scheme === 'file') return { expected: 'a readable file', received: 'an empty file' };
  return { expected: `a secret stored at this ${scheme} reference`, received: 'nothing' };
}

function describeFileError(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'a file this process may not read';
  if (code === 'EISDIR') return 'a directory';
  return 'a file that could not be read';
}
