import { configurationErrorFromZod } from '../errors/configuration-error-from-zod';
import { type GatePolicy, gatePolicySchema } from './gate-policy-schema';

/**
 * Validates a gate policy and applies its defaults. Throws a `ConfigurationError` naming
 * every bad path and what was expected there, including each threshold override that does
 * not parse (with the parser's message: the text, the position and what it expected).
 */
export function parseGatePolicy(input: unknown): GatePolicy {
  const result = gatePolicySchema.safeParse(input);
  if (!result.success) throw configurationErrorFromZod(result.error, '');
  return result.data;
}
