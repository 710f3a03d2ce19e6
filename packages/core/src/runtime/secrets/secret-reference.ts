import { z } from 'zod';

// The type is part of the connector contract; re-exported so runtime imports keep working.
export type { SecretReference } from '../../contract/v1/secret-resolver-v1';

/** A parsed reference. */
export interface ParsedSecretReference {
  /** Lowercase scheme, e.g. `env`. */
  scheme: string;
  /** Everything after the first colon. */
  rest: string;
}

/** The message configuration shows when a value is not a secret reference. */
export const SECRET_REFERENCE_EXPECTATION = 'a secret reference like "env:GITHUB_TOKEN"';

const referencePattern = /^([a-z][a-z0-9+.-]{0,31}):(\S.*)$/s;
const environmentVariableNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Prefixes of well-known token formats: a value starting like this was pasted inline.
const inlineTokenPrefix =
  /^(?:gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|ft|soat|cbt)-|xox[abposer]-|eyJ|glsa_|NRAK-|sntry[su]_|AKIA|ASIA|bearer\s|basic\s|token\s)/i;

/**
 * Parses `scheme:rest`. Returns `undefined` for anything that does not look like a reference
 * (no scheme, an uppercase scheme, a token format, `env:` with an invalid variable name), so
 * callers can refuse it without ever echoing it.
 *
 * @param reference - The configured text.
 */
export function parseSecretReference(reference: string): ParsedSecretReference | undefined {
  if (inlineTokenPrefix.test(reference)) return undefined;
  const match = referencePattern.exec(reference);
  const scheme = match?.[1];
  const rest = match?.[2];
  if (scheme === undefined || rest === undefined) return undefined;
  if (scheme === 'env' && !environmentVariableNamePattern.test(rest)) return undefined;
  return { scheme, rest };
}

/**
 * The zod field for a secret in connector configuration. Accepts `scheme:rest` and refuses
 * what looks like an inline secret with the message
 * `expected a secret reference like "env:GITHUB_TOKEN"` (the value itself is never echoed).
 *
 * @param options - `schemes`: when given, only these schemes are accepted.
 */
export function secretReferenceSchema(
  options: { schemes?: readonly string[] } = {},
): z.ZodType<string, string> {
  const allowedSchemes = options.schemes;
  const isReference = markSecretReferenceCheck((value: string) => {
    const parsed = parseSecretReference(value);
    if (parsed === undefined) return false;
    return allowedSchemes === undefined || allowedSchemes.includes(parsed.scheme);
  });
  return z
    .string()
    .refine(isReference, {
      message:
        allowedSchemes === undefined
          ? `expected ${SECRET_REFERENCE_EXPECTATION}`
          : `expected ${SECRET_REFERENCE_EXPECTATION} (schemes: ${allowedSchemes.join(', ')})`,
    })
    .describe(
      'A secret reference, never the secret: "env:NAME" reads an environment variable, ' +
        '"file:PATH" reads a file; other schemes come from installed packages.',
    );
}

// Marks the refinement of `secretReferenceSchema`: zod keeps check functions when a schema is
// cloned by `.describe()` or wrapped by `.optional()`, so the mark finds secret fields in any
// connector's settings schema (see `findSecretReferences`).
const secretReferenceCheckMarker = Symbol.for('evidencekit.secret-reference-check');

function markSecretReferenceCheck<Check extends (value: string) => boolean>(check: Check): Check {
  Object.defineProperty(check, secretReferenceCheckMarker, { value: true });
  return check;
}

/** True for a check function made by `secretReferenceSchema`, from any copy of this package. */
export function isSecretReferenceCheck(check: unknown): boolean {
  return (
    typeof check === 'function' &&
    (check as unknown as Record<symbol, unknown>)[secretReferenceCheckMarker] === true
  );
}
