import type { z } from 'zod';

/**
 * Says what is wrong with a result a connector returned, naming at most three fields, for the
 * `connector_error` reason or finding that replaces it.
 */
export function describeInvalidResult(what: string, error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return `the connector returned an invalid ${what}: ${issues}`;
}
