import type { z } from 'zod';
import { ConfigurationError, type ConfigurationIssue } from './configuration-error';

/**
 * Converts zod issues into a `ConfigurationError` whose message names every field path (under
 * `pathPrefix`) and what was expected there. Received values are not echoed: they may be
 * secrets.
 */
export function configurationErrorFromZod(
  error: z.ZodError,
  pathPrefix: string,
): ConfigurationError {
  const issues: ConfigurationIssue[] = error.issues.map((issue) => ({
    path: joinPath(pathPrefix, issue.path),
    expected: describeExpectation(issue),
  }));
  return new ConfigurationError({ issues, cause: error });
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
