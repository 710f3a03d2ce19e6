import { ConfigurationError } from '../errors/configuration-error';
import { ThresholdSyntaxError } from '../errors/threshold-syntax-error';
import type { EvidenceRecord, Fact } from '../evidence/evidence-schema';
import type { FactStatus } from '../evidence/fact-status';
import { parseThreshold } from '../threshold/parse-threshold';
import { applyThresholdOverride, type ParsedThresholdOverride } from './apply-threshold-override';
import { checkFreshness } from './check-freshness';
import type { GateDecision, GateFinding, GateOutcome } from './gate-decision';
import {
  DEFAULT_ENVIRONMENT_KEY,
  type EnvironmentPolicy,
  type GatePolicy,
  type GateUnavailableMode,
  type RequiredFact,
} from './gate-policy-schema';
import {
  compareBlockingFindings,
  compareCandidates,
  compareFindingsByScope,
} from './order-gate-findings';

interface RecordGroup {
  workspaceId: string;
  service: string;
  environment: string;
  records: EvidenceRecord[];
}

interface GroupSettings {
  maxAgeSeconds: number | undefined;
  overrides: Map<string, ParsedThresholdOverride>;
  now: number;
}

/**
 * Decides whether a release may proceed, from evidence records and a gate policy. Pure: the
 * same records (in any order), policy and `now` always give the same decision.
 *
 * Records are grouped by workspace, service and environment; each group must prove every
 * fact its environment requires (the environment's entry, else `*`). For each required fact:
 * no such fact from its connector is `unavailable: no_data`; evidence older than its maximum
 * age (the record's, or the policy's when stricter) or dated more than a minute in the future
 * is `unavailable: stale`; a threshold override re-judges the verdict a threshold made
 * (`incomparable` is `unavailable: config`); when several records carry the fact, the worst
 * wins.
 *
 * The decision: any required fact failed is `fail`; else any pending fact, any blocking
 * unavailable fact or any other blocking problem is `hold`; else `pass`. With
 * `unavailable: 'ignore'`, unavailable facts are listed in `ignored` instead of blocking, but
 * never those with reason `config` (a broken setting must be fixed, not ignored), and a group
 * whose required facts all ended up ignored holds: nothing unproven ever passes. So do no
 * records at all, an environment the policy does not cover, and an environment with no
 * required facts.
 */
export function evaluateGate(
  records: readonly EvidenceRecord[],
  policy: GatePolicy,
  now: Date,
): GateDecision {
  const nowTime = now.getTime();
  if (Number.isNaN(nowTime)) {
    throw new ConfigurationError({ issues: [{ path: 'now', expected: 'a valid Date' }] });
  }
  const overrides = parseOverrides(policy);
  const blocking: GateFinding[] = [];
  const facts: GateFinding[] = [];
  const advisory: GateFinding[] = [];
  const ignored: GateFinding[] = [];
  let weightTotal = 0;
  let weightPassed = 0;

  if (records.length === 0) {
    blocking.push({
      status: 'unavailable',
      reason: { code: 'no_data', message: 'No evidence records were given, so nothing is proven.' },
      action: 'Collect evidence for the release before evaluating the gate.',
      key: false,
    });
  }

  for (const group of groupRecords(records)) {
    const scope = {
      workspaceId: group.workspaceId,
      service: group.service,
      environment: group.environment,
    };
    const environmentPolicy = environmentPolicyOf(policy, group.environment);
    const required = environmentPolicy?.required ?? [];
    const settings: GroupSettings = {
      maxAgeSeconds: stricterMaxAge(policy.maxAgeSeconds, environmentPolicy?.maxAgeSeconds),
      overrides,
      now: nowTime,
    };
    const mode: GateUnavailableMode = environmentPolicy?.unavailable ?? policy.unavailable;

    if (environmentPolicy === undefined || required.length === 0) {
      blocking.push({
        ...scope,
        status: 'unavailable',
        reason: {
          code: 'config',
          message:
            environmentPolicy === undefined
              ? `The gate policy has no entry for environment "${group.environment}" and no "${DEFAULT_ENVIRONMENT_KEY}" default, so no fact is required and nothing is proven.`
              : `The gate policy requires no facts for environment "${group.environment}", so nothing is proven.`,
        },
        action: `List the facts a release of "${group.service}" needs in environment "${group.environment}" in the gate policy.`,
        key: false,
      });
    }

    let groupPassed = 0;
    let groupIgnored = 0;
    for (const requiredFact of required) {
      const finding = evaluateRequiredFact(group, requiredFact, settings);
      facts.push(finding);
      const weight = requiredFact.weight ?? 1;
      weightTotal += weight;
      if (finding.status === 'passed') {
        weightPassed += weight;
        groupPassed += 1;
      } else if (isIgnorable(finding, mode)) {
        ignored.push(finding);
        groupIgnored += 1;
      } else {
        blocking.push(finding);
      }
    }
    if (groupIgnored > 0 && groupPassed === 0) {
      blocking.push({
        ...scope,
        status: 'unavailable',
        reason: {
          code: 'no_data',
          message: `None of the ${required.length} required facts for "${group.service}" in "${group.environment}" passed (${groupIgnored} unavailable and ignored by the policy), so nothing is proven.`,
        },
        action: 'Make at least one required connector deliver evidence for this service.',
        key: false,
      });
    }

    advisory.push(...evaluateAdvisoryFacts(group, required, settings));
  }

  facts.sort(compareFindingsByScope);
  blocking.sort(compareBlockingFindings);
  advisory.sort(compareFindingsByScope);
  ignored.sort(compareFindingsByScope);

  const decision = decide(blocking);
  return {
    decision,
    evaluatedAt: now.toISOString(),
    blocking,
    facts,
    keyFacts: facts.filter((finding) => finding.key),
    advisory,
    ignored,
    ...(weightTotal > 0 ? { score: weightPassed / weightTotal } : {}),
    summary: summarize(decision, facts, blocking, ignored),
  };
}

function decide(blocking: readonly GateFinding[]): GateOutcome {
  if (blocking.some((finding) => finding.status === 'failed')) return 'fail';
  return blocking.length > 0 ? 'hold' : 'pass';
}

function isIgnorable(finding: GateFinding, mode: GateUnavailableMode): boolean {
  return mode === 'ignore' && finding.status === 'unavailable' && finding.reason?.code !== 'config';
}

function environmentPolicyOf(
  policy: GatePolicy,
  environment: string,
): EnvironmentPolicy | undefined {
  // Object.hasOwn: an environment named "constructor" must not find Object.prototype's.
  if (Object.hasOwn(policy.environments, environment)) return policy.environments[environment];
  if (Object.hasOwn(policy.environments, DEFAULT_ENVIRONMENT_KEY)) {
    return policy.environments[DEFAULT_ENVIRONMENT_KEY];
  }
  return undefined;
}

function stricterMaxAge(
  policyWide: number | undefined,
  environment: number | undefined,
): number | undefined {
  if (policyWide === undefined) return environment;
  if (environment === undefined) return policyWide;
  return Math.min(policyWide, environment);
}

function parseOverrides(policy: GatePolicy): Map<string, ParsedThresholdOverride> {
  const overrides = new Map<string, ParsedThresholdOverride>();
  for (const environmentPolicy of Object.values(policy.environments)) {
    for (const requiredFact of environmentPolicy.required) {
      const text = requiredFact.threshold;
      if (text === undefined || overrides.has(text)) continue;
      try {
        overrides.set(text, { ok: true, text, threshold: parseThreshold(text) });
      } catch (error) {
        // A policy built in code may skip parseGatePolicy; its bad threshold holds the fact.
        if (!ThresholdSyntaxError.isInstance(error)) throw error;
        overrides.set(text, { ok: false, text, message: error.message });
      }
    }
  }
  return overrides;
}

function groupRecords(records: readonly EvidenceRecord[]): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  for (const record of records) {
    const { workspaceId, service, environment } = record.scope;
    const identity = JSON.stringify([workspaceId, service, environment]);
    let group = groups.get(identity);
    if (group === undefined) {
      group = { workspaceId, service, environment, records: [] };
      groups.set(identity, group);
    }
    group.records.push(record);
  }
  // The order of groups does not reach the output (every list is sorted), but keep it fixed.
  return [...groups.values()];
}

function evaluateRequiredFact(
  group: RecordGroup,
  requiredFact: RequiredFact,
  settings: GroupSettings,
): GateFinding {
  const key = requiredFact.key === true;
  const override =
    requiredFact.threshold === undefined
      ? undefined
      : settings.overrides.get(requiredFact.threshold);
  const fromConnector = group.records.filter(
    (record) => record.connector === requiredFact.connector,
  );
  const candidates: GateFinding[] = [];
  for (const record of fromConnector) {
    for (const fact of record.facts) {
      if (fact.name !== requiredFact.fact) continue;
      candidates.push(judgeFact(record, fact, override, key, settings));
    }
  }
  const worst = candidates.sort(compareCandidates)[0];
  if (worst !== undefined) return worst;

  const where = `for service "${group.service}" in environment "${group.environment}"`;
  return {
    workspaceId: group.workspaceId,
    service: group.service,
    environment: group.environment,
    connector: requiredFact.connector,
    fact: requiredFact.fact,
    status: 'unavailable',
    ...(override === undefined ? {} : { threshold: override.text }),
    reason: {
      code: 'no_data',
      message:
        fromConnector.length === 0
          ? `Connector "${requiredFact.connector}" produced no evidence ${where}, so the required fact "${requiredFact.fact}" is missing.`
          : `Connector "${requiredFact.connector}" did not report the required fact "${requiredFact.fact}" ${where}.`,
    },
    action: `Configure connector "${requiredFact.connector}" to collect "${requiredFact.fact}" for this service and environment, or remove the fact from the gate policy.`,
    key,
  };
}

function evaluateAdvisoryFacts(
  group: RecordGroup,
  required: readonly RequiredFact[],
  settings: GroupSettings,
): GateFinding[] {
  const requiredIdentities = new Set(
    required.map((requiredFact) => JSON.stringify([requiredFact.connector, requiredFact.fact])),
  );
  const worstByFact = new Map<string, GateFinding>();
  for (const record of group.records) {
    for (const fact of record.facts) {
      const identity = JSON.stringify([record.connector, fact.name]);
      if (requiredIdentities.has(identity)) continue;
      const finding = judgeFact(record, fact, undefined, false, settings);
      const current = worstByFact.get(identity);
      if (current === undefined || compareCandidates(finding, current) < 0) {
        worstByFact.set(identity, finding);
      }
    }
  }
  return [...worstByFact.values()].filter((finding) => finding.status !== 'passed');
}

function judgeFact(
  record: EvidenceRecord,
  fact: Fact,
  override: ParsedThresholdOverride | undefined,
  key: boolean,
  settings: GroupSettings,
): GateFinding {
  const base = {
    workspaceId: record.scope.workspaceId,
    service: record.scope.service,
    environment: record.scope.environment,
    connector: record.connector,
    fact: fact.name,
    ...(fact.value === undefined ? {} : { value: fact.value }),
    observedAt: record.freshness.observedAt,
    key,
  };
  const threshold = override?.text ?? fact.threshold;
  const staleness = checkFreshness(record.freshness, settings.now, settings.maxAgeSeconds);
  if (staleness !== undefined) {
    const was =
      fact.status === 'passed'
        ? ''
        : ` The fact itself was ${fact.status}: ${fact.reason?.message ?? 'no reason given'}.`;
    return {
      ...base,
      status: 'unavailable',
      ...(threshold === undefined ? {} : { threshold }),
      reason: { code: 'stale', message: `The evidence was ${staleness}.${was}` },
      action: `Collect evidence from "${record.connector}" again; if it stays stale, check that the provider still reports data.`,
    };
  }
  if (override === undefined) {
    return {
      ...base,
      status: fact.status,
      ...(fact.threshold === undefined ? {} : { threshold: fact.threshold }),
      ...(fact.reason === undefined ? {} : { reason: fact.reason }),
      ...(fact.action === undefined ? {} : { action: fact.action }),
    };
  }
  const judged = applyThresholdOverride(fact, override);
  const action = actionAfterOverride(fact, judged.status, judged.rejudged, judged.threshold);
  return {
    ...base,
    status: judged.status,
    threshold: judged.threshold,
    ...(judged.reason === undefined ? {} : { reason: judged.reason }),
    ...(action === undefined ? {} : { action }),
  };
}

function actionAfterOverride(
  fact: Fact,
  status: FactStatus,
  rejudged: boolean,
  threshold: string,
): string | undefined {
  if (!rejudged) return status === 'passed' ? undefined : fact.action;
  switch (status) {
    case 'passed':
      return undefined;
    case 'failed':
      return (
        fact.action ??
        `Investigate "${fact.name}": it is outside the gate policy's threshold "${threshold}".`
      );
    default:
      return `Fix the threshold override for "${fact.name}" in the gate policy.`;
  }
}

function summarize(
  decision: GateOutcome,
  facts: readonly GateFinding[],
  blocking: readonly GateFinding[],
  ignored: readonly GateFinding[],
): string {
  const count = (status: FactStatus) => facts.filter((finding) => finding.status === status).length;
  const passed = count('passed');
  const parts = [`${passed} of ${facts.length} required facts passed`];
  for (const status of ['failed', 'unavailable', 'pending'] as const) {
    // Ignored facts are unavailable too; they are counted on their own below.
    const number = count(status) - (status === 'unavailable' ? ignored.length : 0);
    if (number > 0) parts.push(`${number} ${status}`);
  }
  if (ignored.length > 0) parts.push(`${ignored.length} unavailable ignored by the policy`);
  const other = blocking.filter((finding) => finding.fact === undefined).length;
  if (other > 0) parts.push(`${other} other blocking ${other === 1 ? 'problem' : 'problems'}`);
  return `${decision}: ${parts.join(', ')}`;
}
