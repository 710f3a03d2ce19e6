import type { AnyConnectorV1, ConnectorV1 } from './v1/connector-v1';

const marker = Symbol.for('evidencekit.configured-connector');

/**
 * A connector bound to its settings: what a provider package's `create<Provider>(settings)`
 * returns and what targets refer to. Settings are validated when the engine first uses them,
 * and secret references in them are resolved only at request time.
 */
export interface ConfiguredConnector<Connector extends AnyConnectorV1 = AnyConnectorV1> {
  readonly [marker]: true;
  readonly connector: Connector;
  /** The settings as the host gave them (secrets as references). */
  readonly settings: SettingsOf<Connector>;
  /** Names this configured instance in progress events and errors; defaults to the connector id. */
  readonly instanceId: string;
}

/** The settings a connector takes, as written by the host (before its `configSchema` runs). */
export type SettingsOf<Connector> =
  Connector extends ConnectorV1<infer _Config, infer _Selector, infer _Fact, infer ConfigInput>
    ? ConfigInput
    : never;
/** The selector a connector's targets take, as written by the host. */
export type SelectorInputOf<Connector> =
  Connector extends ConnectorV1<
    infer _Config,
    infer _Selector,
    infer _Fact,
    infer _ConfigInput,
    infer SelectorInput
  >
    ? SelectorInput
    : never;
/**
 * The names of the facts in a connector's catalog. For a static catalog, the union of its
 * names. For a connector whose catalog depends on its settings (`factsFor`), `string`: its
 * names are known only once settings are validated, so the type cannot promise any of them;
 * read them at run time with `factCatalogOf(configured)`.
 */
export type FactNameOf<Connector> =
  Connector extends ConnectorV1<infer _Config, infer _Selector, infer FactName> ? FactName : never;

/** Binds a connector to settings. Provider packages wrap this in `create<Provider>()`. */
export function configureConnector<Connector extends AnyConnectorV1>(
  connector: Connector,
  settings: SettingsOf<Connector>,
  options: { instanceId?: string } = {},
): ConfiguredConnector<Connector> {
  return Object.freeze({
    [marker]: true as const,
    connector,
    settings,
    instanceId: options.instanceId ?? connector.metadata.id,
  });
}

/** True for a value made by `configureConnector`, from any copy of this package. */
export function isConfiguredConnector(value: unknown): value is ConfiguredConnector {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[marker] === true
  );
}
