import type { z } from 'zod';
import type { EvidenceScope, EvidenceWarning, JsonValue } from '../../evidence/evidence-schema';
import type { ConnectorMetadataV1, FactDefinitionV1 } from './connector-metadata-v1';
import type { ConnectorRuntime } from './connector-runtime-v1';
import type { FactObservationV1 } from './fact-observation-v1';

/** Options common to every engine-called method. */
interface CallOptionsV1<Config> {
  /** The connector's configuration, already validated by its `configSchema`. */
  config: Config;
  /** Transport, secrets, queries and logging, owned by core. */
  runtime: ConnectorRuntime;
  /** Aborted when the run is cancelled or the target's deadline passes. */
  signal: AbortSignal;
  /** The engine's clock. Use it instead of `Date.now()` so collection is testable. */
  now: () => Date;
}

/** Arguments of `doCollect`: one target. */
export interface CollectOptionsV1<Config, Selector> extends CallOptionsV1<Config> {
  /** What the evidence is about. */
  scope: EvidenceScope;
  /** The connector-specific part of the target, validated by `selectorSchema`. */
  selector: Selector;
}

/** Arguments of `doIngest`: a payload a host or CI job uploaded. */
export interface IngestOptionsV1<Config> extends CallOptionsV1<Config> {
  scope: EvidenceScope;
  /** The uploaded payload, parsed from JSON (or raw text when it was not JSON). */
  payload: unknown;
  /**
   * When the host gave the payload as text: its size in UTF-8 bytes, already within
   * `ingestEvidence`'s `maxPayloadBytes`. A connector with a smaller cap of its own checks it here.
   */
  payloadBytes?: number;
}

/** Arguments of `doCheck`. */
export type CheckOptionsV1<Config> = CallOptionsV1<Config>;

/** Arguments of `doDetect`: what a repository and environment look like. */
export interface DetectOptionsV1 {
  /** Paths of files in the repository, relative to its root, with `/` separators. */
  files: readonly string[];
  /** Reads a file from the repository (UTF-8), or undefined when it is not there. */
  readFile: (path: string) => Promise<string | undefined>;
  /** Names (never values) of the environment variables that are set. */
  environmentVariableNames: readonly string[];
}

/** What a collection or ingestion returns. Core adds scope, freshness, roll-up, redaction. */
export interface CollectResultV1<FactName extends string = string> {
  /**
   * The provider's own data time (run finished, sample timestamp, report created), where it
   * has one. Core uses the fetch time otherwise.
   */
  observedAt?: Date;
  /**
   * How long this evidence may be trusted, when the connector knows better than the
   * configured maximum age (manual evidence that expires, a certificate that lapses). Core keeps
   * the shorter of the two, so a connector can only shorten freshness, never extend it.
   */
  maxAgeSeconds?: number;
  facts: FactObservationV1<FactName>[];
  warnings?: EvidenceWarning[];
  /** Raw provider details; stored under the connector id in `providerMetadata`. */
  providerMetadata?: Record<string, JsonValue>;
}

/** One finding of a connection check. */
export interface CheckFindingV1 {
  /** `ok`, or what kind of problem: a credential broader than needed is `too_broad`. */
  status: 'ok' | 'warning' | 'error';
  code: string;
  message: string;
}

/** The result of `doCheck`: can the connector reach its provider with least privilege? */
export interface CheckResultV1 {
  ok: boolean;
  findings: CheckFindingV1[];
}

/** A suggestion from `doDetect`. */
export interface DetectionV1 {
  /** How sure the connector is, from 0 to 1. */
  confidence: number;
  /** Why it thinks so, e.g. ".github/workflows/release.yml exists". */
  evidence: string[];
  /** A suggested configuration, with secrets as references. */
  suggestedConfig?: Record<string, JsonValue>;
  /** A suggested selector, e.g. the workflow file name. */
  suggestedSelector?: Record<string, JsonValue>;
}

/**
 * A connector, as declared with `defineConnector`: metadata, schemas and the methods the
 * engine calls. Users never call the `do*` methods directly; they call `collectEvidence`,
 * `checkConnector`, `ingestEvidence` and `detectConnectors`.
 */
export interface ConnectorV1<
  Config = unknown,
  Selector = unknown,
  FactName extends string = string,
  ConfigInput = Config,
  SelectorInput = Selector,
> {
  readonly specificationVersion: 'v1';
  readonly metadata: ConnectorMetadataV1<FactName>;
  /** Validates the connector's configuration. Credentials are secret references. */
  readonly configSchema: z.ZodType<Config, ConfigInput>;
  /** Validates the connector-specific part of a target (a repository, a namespace, a query). */
  readonly selectorSchema: z.ZodType<Selector, SelectorInput>;
  /**
   * The fact catalog for one validated configuration, for a connector whose facts depend on
   * its settings (the webhook connector's mapped facts). When present, the engine, the gate's
   * policy check, threshold overrides and the conformance suite use `factsFor(config)` instead
   * of `metadata.facts`, which stays the static catalog that hosts, UIs and docs show (the
   * facts every configuration has). Return the whole catalog, static facts included. It must be
   * pure and cheap: core calls it once per configured connector and run. A catalog that throws,
   * is empty, repeats a name or has a default threshold that does not parse makes that target's
   * facts `unavailable: connector_error`.
   */
  factsFor?(config: Config): readonly FactDefinitionV1[];
  /** A fast, sanitized connection, auth and least-privilege check. Fails fast on 429. */
  doCheck(options: CheckOptionsV1<Config>): Promise<CheckResultV1>;
  /** Observes the catalog's facts for one target. */
  doCollect(options: CollectOptionsV1<Config, Selector>): Promise<CollectResultV1<FactName>>;
  /** Normalizes an uploaded payload (a scanner report, a webhook body) into observations. */
  doIngest?(options: IngestOptionsV1<Config>): Promise<CollectResultV1<FactName>>;
  /** Recognizes the provider in a repository or environment. */
  doDetect?(options: DetectOptionsV1): Promise<DetectionV1 | undefined>;
}

/** Any v1 connector, whatever its types. */
export type AnyConnectorV1 = ConnectorV1<unknown, unknown, string, unknown, unknown>;
