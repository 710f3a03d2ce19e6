import type { ConnectorMetadataV1 } from '../contract/v1/connector-metadata-v1';
import { didYouMean } from '../errors/closest-name';
import type { ConfigurationIssue } from '../errors/configuration-error';
import type { GatePolicy } from './gate-policy-schema';

/** Anything that carries a connector's metadata: a definition or a configured connector. */
export type ConnectorCatalogSource =
  | { readonly metadata: Pick<ConnectorMetadataV1, 'id' | 'facts'> }
  | { readonly connector: { readonly metadata: Pick<ConnectorMetadataV1, 'id' | 'facts'> } };

/**
 * The policy entries that name a connector or a fact none of `connectors` has, each with the
 * closest known name. A misspelt fact would otherwise never match a record and would only
 * ever show as a hold whose cause is hard to see.
 */
export function findUnknownPolicyFacts(
  policy: GatePolicy,
  connectors: Iterable<ConnectorCatalogSource>,
): ConfigurationIssue[] {
  const factsByConnector = new Map<string, Set<string>>();
  for (const source of connectors) {
    const metadata = 'metadata' in source ? source.metadata : source.connector.metadata;
    const facts = factsByConnector.get(metadata.id) ?? new Set<string>();
    for (const fact of metadata.facts) facts.add(fact.name);
    factsByConnector.set(metadata.id, facts);
  }
  const issues: ConfigurationIssue[] = [];
  for (const [environment, environmentPolicy] of Object.entries(policy.environments)) {
    for (const [index, required] of environmentPolicy.required.entries()) {
      const path = `environments.${environment}.required[${index}]`;
      const facts = factsByConnector.get(required.connector);
      if (facts === undefined) {
        issues.push({
          path: `${path}.connector`,
          expected: `a configured connector; "${required.connector}" is not one${didYouMean(
            required.connector,
            factsByConnector.keys(),
          )}`,
        });
        continue;
      }
      if (!facts.has(required.fact)) {
        issues.push({
          path: `${path}.fact`,
          expected: `a fact of ${required.connector}; "${required.fact}" is not one${didYouMean(
            required.fact,
            facts,
          )}`,
        });
      }
    }
  }
  return issues;
}
