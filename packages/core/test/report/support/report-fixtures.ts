import {
  type EvidenceRecord,
  evidenceRecordSchema,
  type Fact,
} from '../../../src/evidence/evidence-schema';
import { evaluateGate } from '../../../src/gate/evaluate-gate';
import type { GateDecision } from '../../../src/gate/gate-decision';
import { parseGatePolicy } from '../../../src/gate/parse-gate-policy';

/** The clock of every report test. */
export const NOW = new Date('2026-11-21T12:00:00.000Z');

/** A schema-valid record (so tests never feed impossible input). */
export function makeRecord(options: {
  connector?: string;
  service?: string;
  environment?: string;
  observedAt?: string;
  release?: { version?: string; commit?: string; artifactDigest?: string };
  warnings?: Array<{ code: string; message: string }>;
  facts: Fact[];
}): EvidenceRecord {
  return evidenceRecordSchema.parse({
    connector: options.connector ?? 'prometheus',
    scope: {
      workspaceId: 'acme',
      service: options.service ?? 'checkout-api',
      environment: options.environment ?? 'production',
      ...(options.release === undefined ? {} : { release: options.release }),
    },
    freshness: {
      observedAt: options.observedAt ?? '2026-11-21T11:59:00Z',
      maxAgeSeconds: 3_600,
    },
    facts: options.facts,
    ...(options.warnings === undefined ? {} : { warnings: options.warnings }),
  });
}

export const passedErrorRate: Fact = {
  name: 'error_rate',
  status: 'passed',
  value: '0.02%',
  threshold: '< 1%',
  measurement: { value: 0.02, unit: '%' },
};

export const failedLatency: Fact = {
  name: 'p95_latency',
  status: 'failed',
  value: '742ms',
  threshold: '< 500ms',
  measurement: { value: 742, unit: 'ms' },
  reason: { code: 'threshold_breached', message: '742ms does not meet < 500ms' },
  action: 'Find the slow endpoint in the latency dashboard before promoting.',
};

export const pendingRollout: Fact = {
  name: 'rollout_phase',
  status: 'pending',
  value: 'Progressing',
  reason: { code: 'in_progress', message: 'the rollout is at step 2 of 5' },
  action: 'Wait for the rollout to finish.',
};

export const unavailableHealth: Fact = {
  name: 'health',
  status: 'unavailable',
  reason: { code: 'timeout', message: 'Argo CD did not answer within 10 s' },
  action: 'Check that Argo CD is reachable from CI.',
};

/** A gate decision from the real gate, requiring every fact named. */
export function decide(
  records: readonly EvidenceRecord[],
  required: Array<{ connector: string; fact: string }>,
): GateDecision {
  const policy = parseGatePolicy({ environments: { '*': { required } } });
  return evaluateGate([...records], policy, NOW);
}

/** A Fisher–Yates shuffle driven by a seed, so "any order" tests are reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    const held = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = held;
  }
  return copy;
}
