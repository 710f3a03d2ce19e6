import type { z } from 'zod';
import type { ConnectorMetadataV1, FactDefinitionV1 } from './connector-metadata-v1';
import type {
  CheckOptionsV1,
  CheckResultV1,
  CollectOptionsV1,
  CollectResultV1,
  ConnectorV1,
  DetectionV1,
  DetectOptionsV1,
  IngestOptionsV1,
} from './connector-v1';

/** What `defineConnector` takes: a v1 connector whose types are inferred from its schemas. */
export interface ConnectorDefinitionV1<
  ConfigSchema extends z.ZodType,
  SelectorSchema extends z.ZodType,
  FactName extends string,
> {
  specificationVersion: 'v1';
  metadata: ConnectorMetadataV1<FactName>;
  configSchema: ConfigSchema;
  selectorSchema: SelectorSchema;
  /**
   * The catalog for one validated configuration, when it depends on settings (see
   * `ConnectorV1.factsFor`). With it, fact names are plain strings: `doCollect` may report any
   * name, and the engine ignores (with an `unknown_fact` warning) one the catalog lacks.
   */
  factsFor?(config: z.output<ConfigSchema>): readonly FactDefinitionV1[];
  doCheck(options: CheckOptionsV1<z.output<ConfigSchema>>): Promise<CheckResultV1>;
  doCollect(
    options: CollectOptionsV1<z.output<ConfigSchema>, z.output<SelectorSchema>>,
  ): Promise<CollectResultV1<NoInfer<FactName>>>;
  doIngest?(
    options: IngestOptionsV1<z.output<ConfigSchema>>,
  ): Promise<CollectResultV1<NoInfer<FactName>>>;
  doDetect?(options: DetectOptionsV1): Promise<DetectionV1 | undefined>;
}

/** The connector `defineConnector` returns for a definition and fact-name type. */
type DefinedConnector<
  ConfigSchema extends z.ZodType,
  SelectorSchema extends z.ZodType,
  FactName extends string,
> = ConnectorV1<
  z.output<ConfigSchema>,
  z.output<SelectorSchema>,
  FactName,
  z.input<ConfigSchema>,
  z.input<SelectorSchema>
>;

/**
 * Declares a connector. Config, selector and fact names are inferred, so `doCollect` can only
 * report facts from the catalog and receives typed, validated configuration.
 *
 * @example
 * ```ts
 * export const statusPageConnector = defineConnector({
 *   specificationVersion: 'v1',
 *   metadata: { id: 'status-page', facts: [{ name: 'open_incidents', unit: 'count', ... }], ... },
 *   configSchema: z.object({ baseUrl: z.url() }),
 *   selectorSchema: z.object({ page: z.string() }),
 *   async doCheck() { return { ok: true, findings: [] }; },
 *   async doCollect({ selector, runtime }) {
 *     return { facts: [{ name: 'open_incidents', kind: 'measured', value: 0, unit: 'count' }] };
 *   },
 * });
 * ```
 */
export function defineConnector<
  ConfigSchema extends z.ZodType,
  SelectorSchema extends z.ZodType,
  const FactName extends string,
>(
  definition: ConnectorDefinitionV1<ConfigSchema, SelectorSchema, FactName> & {
    factsFor?: undefined;
  },
): DefinedConnector<ConfigSchema, SelectorSchema, FactName>;
/**
 * Declares a connector whose catalog depends on its settings (`factsFor`). Its fact names are
 * `string`: they are known only once settings are validated, so no type can promise them.
 */
export function defineConnector<ConfigSchema extends z.ZodType, SelectorSchema extends z.ZodType>(
  definition: ConnectorDefinitionV1<ConfigSchema, SelectorSchema, string> & {
    factsFor(config: z.output<ConfigSchema>): readonly FactDefinitionV1[];
  },
): DefinedConnector<ConfigSchema, SelectorSchema, string>;
export function defineConnector(
  definition: ConnectorDefinitionV1<z.ZodType, z.ZodType, string>,
): DefinedConnector<z.ZodType, z.ZodType, string> {
  // TypeScript cannot relate a generic schema to `ZodType<output<Schema>, input<Schema>>`,
  // although every zod schema is exactly that; the overloads' signatures are the check.
  return Object.freeze({ ...definition }) as unknown as DefinedConnector<
    z.ZodType,
    z.ZodType,
    string
  >;
}
