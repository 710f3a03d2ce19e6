import type {
  AnyConnectorV1,
  ConfiguredConnector,
  EvidenceScope,
  FactNameOf,
  FactStatus,
  SelectorInputOf,
  SettingsOf,
} from '@evidencekit/core';
import type { JsonBodyType } from 'msw';
import type { FaultScenario, FaultScenarioId } from '../faults/fault-scenario';
import type { ProviderRouteMap } from '../mocks/provider-routes';
import type { ProviderMockServer } from '../msw/provider-mock-server';

/** A route the fault scenarios are applied to. */
export interface PrimaryRoute<FactName extends string = string> {
  /** A key of `routes`, e.g. `'GET /repos/:owner/:repo/actions/runs'`. */
  route: string;
  /**
   * How the route answers "nothing" (e.g. `{ total_count: 0, workflow_runs: [] }`), for the
   * `empty-result` scenario. Default: derived from the happy body (lists emptied, totals 0);
   * a route whose happy body has no list needs this or `noEmptyAnswer`.
   */
  emptyBody?: JsonBodyType;
  /**
   * Why the route has no empty answer (one object, where "nothing" is a 404): `empty-result`
   * is then skipped on it with this reason.
   */
  noEmptyAnswer?: string;
  /** `link` when the route pages with `Link` headers; enables `pagination-loop`. */
  pagination?: 'link';
  /** The facts this route feeds; a fault on it must make them unavailable. Default: all. */
  facts?: readonly FactName[];
}

/** Configuration of the conformance suite for one connector. */
export interface ConnectorConformanceOptions<Connector extends AnyConnectorV1 = AnyConnectorV1> {
  /** Shown in the suite's title; default the connector id. */
  name?: string;
  /** What the provider package exports: `create<Provider>(settings)`. */
  createConnector(settings: SettingsOf<Connector>): ConfiguredConnector<Connector>;
  /**
   * The settings to test with. `secretReference` is an `env:` reference to a canary secret the
   * suite sets; put it where the credential goes. The canary must never appear in any output.
   */
  settings(secretReference: string): SettingsOf<Connector>;
  /** The target collected in every run. */
  target: { scope: EvidenceScope; selector: SelectorInputOf<Connector> };
  /** The provider API's base URL (route keys are relative to it). */
  baseUrl: string;
  /** The happy path: every route the connector calls, with realistic answers. */
  routes: ProviderRouteMap;
  /** The route(s) the fault scenarios hit (a key of `routes`, or a full description). */
  primaryRoutes: ReadonlyArray<string | PrimaryRoute<FactNameOf<Connector>>>;
  expectations?: {
    /** The status each fact must have on the happy path. */
    facts?: Partial<Record<FactNameOf<Connector>, FactStatus>>;
    /** Whether `doCheck` passes against the happy path. Default true. */
    checkOk?: boolean;
    /** Scenarios that do not apply to this connector, with the reason (shown as skipped). */
    skipScenarios?: Partial<Record<FaultScenarioId, string>>;
  };
  /**
   * `none` for connectors that make no HTTP requests (an ingest connector reading a local
   * report): HTTP-only checks are skipped with that reason, and the suite checks that the
   * connector indeed sent nothing. Default `http`.
   */
  transport?: 'http' | 'none';
  /**
   * The virtual time of every run, at which the fixtures' data is fresh: `now` is an ISO 8601
   * date-time. Default: one minute after the latest date-time in the happy-path JSON bodies
   * (keys naming a future moment such as `expires_at` left out), else 2025-01-15T12:00:00Z.
   * The `observed-at:*` checks judge `freshness.observedAt` against it.
   */
  clock?: { now: string };
  /** The scenarios to run. Default `FAULT_SCENARIOS`; add your own provider-specific ones. */
  scenarios?: readonly FaultScenario[];
  /** A listening mock server to use; the suite creates (and closes) its own otherwise. */
  server?: ProviderMockServer;
}

/**
 * Declares a connector's conformance options with their types inferred from `createConnector`,
 * so one module can feed both the connector's own test and other tools (a fault matrix).
 */
export function defineConformanceOptions<Connector extends AnyConnectorV1>(
  options: ConnectorConformanceOptions<Connector>,
): ConnectorConformanceOptions<Connector> {
  return options;
}
