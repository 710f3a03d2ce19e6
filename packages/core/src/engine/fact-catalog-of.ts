import type { ConfiguredConnector } from '../contract/configured-connector';
import type { FactDefinitionV1 } from '../contract/v1/connector-metadata-v1';
import type { AnyConnectorV1 } from '../contract/v1/connector-v1';
import { InvalidFactCatalogError } from '../errors/invalid-fact-catalog-error';
import { describeFactCatalogProblems } from './describe-fact-catalog-problems';
import { validateSettings } from './validate-settings';

/** A catalog, or the error that stands for it, per configured connector of a run. */
export type CatalogCache = WeakMap<
  ConfiguredConnector,
  { ok: true; facts: readonly FactDefinitionV1[] } | { ok: false; error: unknown }
>;

/**
 * The fact catalog of a configured connector: what its records can hold, what threshold
 * overrides and gate policies may name. For a connector whose catalog depends on its settings
 * (it declares `factsFor`), `factsFor(validated settings)`, checked; for every other connector
 * its static `metadata.facts`, without validating anything.
 *
 * Hosts use it to list the facts a configuration can produce (a policy editor, `explain`);
 * `metadata.facts` alone is only the part every configuration shares.
 *
 * @throws ConfigurationError when the connector has `factsFor` and its settings do not
 *   validate (each bad field named under `settings`).
 * @throws InvalidFactCatalogError when `factsFor` throws or returns something that is not a
 *   valid catalog (empty, a repeated name, a default threshold that does not parse).
 *
 * @example
 * ```ts
 * const names = factCatalogOf(createWebhook(settings)).map((fact) => fact.name);
 * ```
 */
export function factCatalogOf(configured: ConfiguredConnector): readonly FactDefinitionV1[] {
  const connector: AnyConnectorV1 = configured.connector;
  if (connector.factsFor === undefined) return connector.metadata.facts;
  return catalogForConfig(connector, validateSettings(configured));
}

/**
 * The catalog for settings already validated by the engine; `cache` keeps one outcome per
 * configured connector and run, so `factsFor` and its checks run once, not once per target.
 */
export function resolveFactCatalog(
  configured: ConfiguredConnector,
  config: unknown,
  cache?: CatalogCache,
): readonly FactDefinitionV1[] {
  let outcome = cache?.get(configured);
  if (outcome === undefined) {
    try {
      outcome = { ok: true, facts: catalogForConfig(configured.connector, config) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    cache?.set(configured, outcome);
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.facts;
}

function catalogForConfig(connector: AnyConnectorV1, config: unknown): readonly FactDefinitionV1[] {
  if (connector.factsFor === undefined) return connector.metadata.facts;
  const connectorId = connector.metadata.id;
  let catalog: unknown;
  try {
    catalog = connector.factsFor(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidFactCatalogError({
      connectorId,
      problems: [`factsFor threw: ${message}`],
      cause: error,
    });
  }
  let problems: string[];
  let copy: readonly FactDefinitionV1[];
  try {
    problems = describeFactCatalogProblems(catalog);
    // A copy: the engine decides with this catalog, whatever the connector does with its own.
    copy = Object.freeze(
      problems.length > 0
        ? []
        : (catalog as readonly FactDefinitionV1[]).map((definition) =>
            Object.freeze({ ...definition }),
          ),
    );
  } catch (error) {
    // A catalog whose getters throw is as broken as one that is not a list.
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidFactCatalogError({
      connectorId,
      problems: [`reading the catalog threw: ${message}`],
      cause: error,
    });
  }
  if (problems.length > 0) throw new InvalidFactCatalogError({ connectorId, problems });
  return copy;
}
