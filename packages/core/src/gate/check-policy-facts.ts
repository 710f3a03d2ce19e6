import { type ConfiguredConnector, isConfiguredConnector } from '../contract/configured-connector';
import type { ConnectorMetadataV1 } from '../contract/v1/connector-metadata-v1';
import { factCatalogOf } from '../engine/fact-catalog-of';
import { didYouMean } from '../errors/closest-name';
import type { ConfigurationIssue } from '../errors/configuration-error';
import type { GatePolicy } from './gate-policy-schema';

/**
 * What a policy is checked against: a configured connector (its catalog for its settings,
 * `factCatalogOf`), a connector definition or anything else that carries metadata (its static
 * `metadata.facts`).
 */
export type ConnectorCatalogSource =
  | ConfiguredConnector
  | { readonly metadata: Pick<ConnectorMetadataV1, 'id' | 'facts'> }
  | { readonly connector: { readonly metadata: Pick<ConnectorMetadataV1, 'id' | 'facts'> } };

interface KnownFacts {
  names: Set<string>;
  /** Why a configured instance's catalog could not be built, when it could not. */
  failures: string[];
  /** Only a definition with `factsFor` was given: its settings-dependent facts are unknown. */
  definitionOnly: boolean;
}

/**
 * The policy entries that name a connector or a fact none of `connectors` has, each with the
 * closest known name. A misspelt fact would otherwise never match a record and would only
 * ever show as a hold whose cause is hard to see. A configured connector whose catalog
 * depends on its settings is judged by that catalog; when it cannot be built (the settings do
 * not validate, `factsFor` fails), an entry naming one of its other facts says so.
 */
export function findUnknownPolicyFacts(
  policy: GatePolicy,
  connectors: Iterable<ConnectorCatalogSource>,
): ConfigurationIssue[] {
  const factsByConnector = new Map<string, KnownFacts>();
  for (const source of connectors) {
    const metadata = 'metadata' in source ? source.metadata : source.connector.metadata;
    const known = factsByConnector.get(metadata.id) ?? {
      names: new Set<string>(),
      failures: [],
      definitionOnly: false,
    };
    factsByConnector.set(metadata.id, known);
    if (!isConfiguredConnector(source)) {
      for (const fact of metadata.facts) known.names.add(fact.name);
      if (typeof (source as { factsFor?: unknown }).factsFor === 'function') {
        known.definitionOnly = true;
      }
      continue;
    }
    try {
      for (const fact of factCatalogOf(source)) known.names.add(fact.name);
    } catch (error) {
      // The static facts are in every configuration's catalog; they can still be checked.
      for (const fact of metadata.facts) known.names.add(fact.name);
      known.failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  const issues: ConfigurationIssue[] = [];
  for (const [environment, environmentPolicy] of Object.entries(policy.environments)) {
    for (const [index, required] of environmentPolicy.required.entries()) {
      const path = `environments.${environment}.required[${index}]`;
      const known = factsByConnector.get(required.connector);
      if (known === undefined) {
        issues.push({
          path: `${path}.connector`,
          expected: `a configured connector; "${required.connector}" is not one${didYouMean(
            required.connector,
            factsByConnector.keys(),
          )}`,
        });
        continue;
      }
      if (known.names.has(required.fact)) continue;
      const [failure] = known.failures;
      issues.push({
        path: `${path}.fact`,
        expected:
          failure === undefined
            ? `a fact of ${required.connector}; "${required.fact}" is not one${didYouMean(
                required.fact,
                known.names,
              )}${
                known.definitionOnly
                  ? `; the catalog of ${required.connector} depends on its settings: pass the configured connector to check the facts they define`
                  : ''
              }`
            : `a fact of ${required.connector}, whose catalog depends on its settings and could not be built, so "${required.fact}" cannot be checked: ${failure}`,
      });
    }
  }
  return issues;
}
