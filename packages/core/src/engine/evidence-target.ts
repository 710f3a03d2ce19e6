import type {
  ConfiguredConnector,
  FactNameOf,
  SelectorInputOf,
} from '../contract/configured-connector';
import type { AnyConnectorV1 } from '../contract/v1/connector-v1';
import type { EvidenceScope } from '../evidence/evidence-schema';

/**
 * One unit of collection: a configured connector, the scope the evidence is about, and the
 * connector-specific selector (a repository, a namespace and deployment, a query name).
 */
export interface EvidenceTarget<Connector extends AnyConnectorV1 = AnyConnectorV1> {
  connector: ConfiguredConnector<Connector>;
  scope: EvidenceScope;
  selector: SelectorInputOf<Connector>;
  /** Threshold overrides for this target, by fact name. */
  thresholds?: Partial<Record<FactNameOf<Connector>, string>>;
  /** Overrides the connector's default `freshness.maxAgeSeconds`. */
  maxAgeSeconds?: number;
}

/** Creates a target with its types checked against the connector. */
export function defineTarget<Connector extends AnyConnectorV1>(
  target: EvidenceTarget<Connector>,
): EvidenceTarget<Connector> {
  return target;
}
