import { ConfigurationError } from '../errors/configuration-error';
import { configurationErrorFromZod } from '../errors/configuration-error-from-zod';
import { type ConnectorCatalogSource, findUnknownPolicyFacts } from './check-policy-facts';
import { type GatePolicy, gatePolicySchema } from './gate-policy-schema';

/** Options of {@link parseGatePolicy}. */
export interface ParseGatePolicyOptions {
  /**
   * The connectors the policy is for (definitions or configured connectors). When given, an
   * entry naming a connector or fact none of them has is refused, with the closest known name.
   * A configured connector is judged by its catalog for its settings (`factCatalogOf`), so a
   * connector whose facts come from settings (the webhook's mapped facts) needs the configured
   * connector here, not its definition.
   */
  connectors?: Iterable<ConnectorCatalogSource>;
}

/**
 * Validates a gate policy and applies its defaults. Throws a `ConfigurationError` naming
 * every bad path and what was expected there, including each threshold override that does
 * not parse (with the parser's message: the text, the position and what it expected), each
 * unknown key (with the closest known one) and, when `connectors` are given, each entry that
 * names a connector or fact they do not have.
 *
 * @example
 * ```ts
 * const policy = parseGatePolicy(config.policy, { connectors: [prometheus, trivy] });
 * ```
 */
export function parseGatePolicy(input: unknown, options: ParseGatePolicyOptions = {}): GatePolicy {
  const result = gatePolicySchema.safeParse(input);
  if (!result.success) throw configurationErrorFromZod(result.error, '', gatePolicySchema);
  if (options.connectors !== undefined) {
    const issues = findUnknownPolicyFacts(result.data, options.connectors);
    if (issues.length > 0) throw new ConfigurationError({ issues });
  }
  return result.data;
}
