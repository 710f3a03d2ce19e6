import type { z } from 'zod';
import { ConfigurationError, type ConfigurationIssue } from '../errors/configuration-error';
import { parseThreshold } from './parse-threshold';
import type { Threshold } from './threshold';
import { thresholdSchema } from './threshold-schema';

/**
 * Accepts a threshold in either form and returns a validated structured one: text is parsed,
 * a structured threshold is checked against `thresholdSchema` and copied, so later changes to
 * the caller's object cannot change it.
 *
 * @throws {ThresholdSyntaxError} when the text does not parse.
 * @throws {ConfigurationError} when a structured threshold is malformed; each issue names the
 * field (e.g. `threshold.unit`) and what was expected there.
 */
export function toThreshold(input: string | Threshold): Threshold {
  if (typeof input === 'string') return parseThreshold(input);
  const result = thresholdSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigurationError({
    issues: result.error.issues.map(toConfigurationIssue),
    cause: result.error,
  });
}

function toConfigurationIssue(issue: z.core.$ZodIssue): ConfigurationIssue {
  const path = issue.path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    'threshold',
  );
  if (issue.code === 'unrecognized_keys') {
    return {
      path,
      expected: 'no other fields',
      received: issue.keys.map((key) => `"${key}"`).join(', '),
    };
  }
  // zod words its messages "Invalid input: expected number, received string"; the
  // configuration error adds its own "expected", so only the tail is kept.
  for (const prefix of ['Invalid input: expected ', 'Invalid option: expected ']) {
    if (issue.message.startsWith(prefix))
      return { path, expected: issue.message.slice(prefix.length) };
  }
  return { path, expected: issue.message };
}
