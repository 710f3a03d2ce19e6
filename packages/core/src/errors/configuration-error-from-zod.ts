import type { z } from 'zod';
import { objectKeysAt } from '../schema-introspection/object-keys-at';
import { closestName } from './closest-name';
import { ConfigurationError, type ConfigurationIssue } from './configuration-error';

/**
 * Converts zod issues into a `ConfigurationError` whose message names every field path (under
 * `pathPrefix`) and what was expected there. Received values are not echoed: they may be
 * secrets.
 *
 * Pass the `schema` that produced the error so that each unknown key is reported on its own
 * path with the closest known key (`settings.baseURL: expected a known key (did you mean
 * "baseUrl"?)`).
 */
export function configurationErrorFromZod(
  error: z.ZodError,
  pathPrefix: string,
  schema?: z.core.$ZodType,
): ConfigurationError {
  const issues: ConfigurationIssue[] = error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeyIssues(issue, pathPrefix, schema);
    return [{ path: joinPath(pathPrefix, issue.path), expected: describeExpectation(issue) }];
  });
  return new ConfigurationError({ issues, cause: error });
}

function unknownKeyIssues(
  issue: z.core.$ZodIssueUnrecognizedKeys,
  pathPrefix: string,
  schema: z.core.$ZodType | undefined,
): ConfigurationIssue[] {
  const known = schema === undefined ? [] : objectKeysAt(schema, issue.path);
  return issue.keys.map((key) => {
    const suggestion = closestName(key, known);
    const expectation =
      suggestion !== undefined
        ? `a known key; "${key}" is not one (did you mean "${suggestion}"?)`
        : known.length > 0
          ? `a known key; "${key}" is not one (known: ${known.map((name) => `"${name}"`).join(', ')})`
          : `a known key; "${key}" is not one`;
    return { path: joinPath(pathPrefix, [...issue.path, key]), expected: expectation };
  });
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `no unknown keys (found ${issue.keys.map((key) => `"${key}"`).join(', ')})`;
    default:
      return issue.message;
  }
}
