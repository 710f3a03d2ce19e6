import { secretReferenceSchema } from '@evidencekit/core';

/** A settings field that holds a secret value instead of a reference to one. */
export interface InlineSecret {
  /** Where it is, e.g. `connectors.prometheus.settings.auth.token`. */
  path: string;
  /** The path as keys, to replace the value. */
  keys: readonly (string | number)[];
  /** The secret itself: never print it. */
  value: string;
}

// Field names that hold credentials: token, accessToken, password, clientSecret, apiKey…
const secretFieldName = /(?:token|password|passwd|secret|key)$/i;
const referenceSchema = secretReferenceSchema();

/**
 * Finds string fields named like a credential (`token`, `password`, `secret`, `…Key`) whose
 * value is not a secret reference (`scheme:rest`), anywhere under `settings`.
 */
export function findInlineSecrets(settings: unknown, basePath: string): InlineSecret[] {
  const found: InlineSecret[] = [];
  const visit = (value: unknown, keys: (string | number)[], fieldName: string | undefined) => {
    if (typeof value === 'string') {
      if (
        fieldName !== undefined &&
        secretFieldName.test(fieldName) &&
        !referenceSchema.safeParse(value).success
      ) {
        found.push({ path: formatPath(basePath, keys), keys, value });
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, [...keys, index], fieldName);
      });
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...keys, key], key);
    }
  };
  visit(settings, [], undefined);
  return found;
}

function formatPath(basePath: string, keys: readonly (string | number)[]): string {
  let text = basePath;
  for (const key of keys) text += typeof key === 'number' ? `[${key}]` : `.${key}`;
  return text;
}
