import type { FactStatus } from '../../evidence/fact-status';
import type { MeasurementUnit } from '../../evidence/measurement-unit';

/** What kind of tooling a connector reads. */
export const CONNECTOR_CATEGORIES = [
  'ci-cd',
  'runtime',
  'gitops',
  'metrics',
  'logs',
  'errors',
  'incidents',
  'work-items',
  'quality',
  'security',
  'rollout',
  'change-management',
  'cloud',
  'custom',
] as const;
/** What kind of tooling a connector reads. */
export type ConnectorCategory = (typeof CONNECTOR_CATEGORIES)[number];

/**
 * How a connector gets its evidence: `native-pull` reads a provider API, `evidence-ingest`
 * normalizes an uploaded payload, `detected-candidate` is only recognized, `manual` is
 * operator-provided, `planned` is not built yet.
 */
export const CONNECTOR_MATURITIES = [
  'native-pull',
  'evidence-ingest',
  'detected-candidate',
  'manual',
  'planned',
] as const;
/** How a connector gets its evidence (see `CONNECTOR_MATURITIES`). */
export type ConnectorMaturity = (typeof CONNECTOR_MATURITIES)[number];

/** What an empty provider result means for a fact. */
export type EmptyResultRule =
  | { status: 'unavailable' }
  | { status: Extract<FactStatus, 'passed' | 'failed'>; value: string };

/**
 * The values a measured fact can honestly take, in the fact's own `unit`. A measurement outside
 * it is not evidence (a negative error rate, a fractional count): core turns it into
 * `unavailable: invalid_response` for every connector, before any threshold is applied.
 *
 * When a fact declares no range, its unit's default applies: fractions (`%`, `ratio`) lie in
 * 0–100 % (0–1), durations and bytes are ≥ 0, counts are whole and ≥ 0.
 */
export interface FactRangeV1 {
  /** The smallest valid value, inclusive. Omit for no lower bound. */
  min?: number;
  /** The largest valid value, inclusive. Omit for no upper bound. */
  max?: number;
  /** Whether only whole numbers are valid (counts). */
  integer?: boolean;
}

/** One fact a connector can produce. */
export interface FactDefinitionV1<Name extends string = string> {
  /** snake_case fact name, unique within the connector. */
  name: Name;
  /** What the fact checks, in one sentence. */
  description: string;
  /**
   * The unit of the measured number, or `word` for facts whose value is a word (a status
   * such as `success` or `Healthy`).
   */
  unit: MeasurementUnit | 'word';
  /** Threshold applied unless configuration or the gate policy overrides it. */
  defaultThreshold: string;
  /** What the operator should do when the fact is not passed. */
  defaultAction: string;
  /**
   * What an empty result means. Default: `unavailable` with reason `no_data`. An empty list of
   * open incidents can honestly mean `passed` with value `0`; an empty metric result cannot.
   */
  whenEmpty?: EmptyResultRule;
  /**
   * The valid values of a measured fact, in `unit`; replaces the unit's default range (see
   * {@link FactRangeV1}). A utilization that may exceed its limit declares `{ min: 0 }`.
   */
  range?: FactRangeV1;
}

/** The smallest scope a connector needs, and what to avoid granting. */
export interface ConnectorScopeV1 {
  /** The minimum useful credential and query scope, e.g. "Actions: read on one repository". */
  minimum: string;
  /** What not to grant, e.g. "classic tokens with the repo scope". */
  avoid: string;
}

/** Describes a connector for hosts, UIs, docs and the engine. */
export interface ConnectorMetadataV1<FactName extends string = string> {
  /** Stable id, kebab-case, e.g. `github-actions`. Used in evidence records. */
  id: string;
  displayName: string;
  category: ConnectorCategory;
  maturity: ConnectorMaturity;
  /** Whether a credential is `required`, `optional` or not used (`none`). */
  credential: 'required' | 'optional' | 'none';
  scope: ConnectorScopeV1;
  facts: readonly FactDefinitionV1<FactName>[];
  /** Default `freshness.maxAgeSeconds` for this connector's evidence. */
  defaultMaxAgeSeconds: number;
  /** Link to the connector's documentation. */
  documentationUrl?: string;
  /** The npm package and version that ship the connector; used in the HTTP user agent. */
  package?: { name: string; version: string };
}
