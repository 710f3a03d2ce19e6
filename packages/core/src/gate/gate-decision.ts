import type { FactReason } from '../evidence/evidence-schema';
import type { FactStatus } from '../evidence/fact-status';

/** The outcome of a release gate. */
export type GateOutcome = 'pass' | 'fail' | 'hold';

/**
 * One evaluated fact, or one problem that keeps the gate from passing (then `connector` and
 * `fact`, and for a problem with all input also `service` and `environment`, are absent).
 */
export interface GateFinding {
  workspaceId?: string;
  service?: string;
  environment?: string;
  connector?: string;
  fact?: string;
  /** The status after the gate's own checks: freshness, threshold override, duplicates. */
  status: FactStatus;
  /** The value seen, for people. */
  value?: string;
  /** The threshold that applies: the policy override if there is one, else the connector's. */
  threshold?: string;
  /** Why it is not passed; absent when passed. */
  reason?: FactReason;
  /** What the operator should do. */
  action?: string;
  /** When the evidence behind this finding was observed. */
  observedAt?: string;
  /** The policy marks this fact as a key fact. */
  key: boolean;
}

/** What `evaluateGate` decided, and why. */
export interface GateDecision {
  /** `fail` if a required fact failed; `hold` if one is not yet proven; else `pass`. */
  decision: GateOutcome;
  /** `now`, as an ISO 8601 text. */
  evaluatedAt: string;
  /** What keeps the gate from passing: failed first, then unavailable, then pending. */
  blocking: GateFinding[];
  /** Every required fact, evaluated, ordered by service, environment, connector, fact. */
  facts: GateFinding[];
  /** The required facts the policy marks as key, in the same order. */
  keyFacts: GateFinding[];
  /** Facts the policy does not require that are not passed: reported, never blocking. */
  advisory: GateFinding[];
  /** Required facts that are unavailable but do not block, because the policy says `ignore`. */
  ignored: GateFinding[];
  /**
   * The weighted share of required facts that passed, 0 to 1. Informational only: it never
   * changes the decision. Absent when there are no required facts.
   */
  score?: number;
  /** One line for people. */
  summary: string;
}
