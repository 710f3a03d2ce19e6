// The gate: policies and the release decision over evidence records.

export { ALLOWED_CLOCK_SKEW_SECONDS } from './check-freshness';
export type { ConnectorCatalogSource } from './check-policy-facts';
export { evaluateGate } from './evaluate-gate';
export type { GateDecision, GateFinding, GateOutcome } from './gate-decision';
export type {
  EnvironmentPolicy,
  GatePolicy,
  GatePolicyInput,
  GateUnavailableMode,
  RequiredFact,
} from './gate-policy-schema';
export {
  DEFAULT_ENVIRONMENT_KEY,
  environmentPolicySchema,
  GATE_UNAVAILABLE_MODES,
  gatePolicySchema,
  requiredFactSchema,
} from './gate-policy-schema';
export type { ParseGatePolicyOptions } from './parse-gate-policy';
export { parseGatePolicy } from './parse-gate-policy';
