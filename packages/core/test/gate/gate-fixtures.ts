import {
  type EvidenceRecord,
  evidenceRecordSchema,
  type Fact,
} from '../../src/evidence/evidence-schema';
import type { GatePolicyInput } from '../../src/gate/gate-policy-schema';
import { parseGatePolicy } from '../../src/gate/parse-gate-policy';

/** The gate's clock in every test. */
export const NOW = new Date('2026-11-21T12:00:00.000Z');

/** An ISO time `seconds` before NOW (negative: after NOW). */
export function secondsAgo(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1_000).toISOString();
}

/** A valid evidence record (checked against the schema, so tests never feed impossible input). */
export function makeRecord(options: {
  connector?: string;
  service?: string;
  environment?: string;
  workspaceId?: string;
  observedSecondsAgo?: number;
  maxAgeSeconds?: number;
  facts: Fact[];
}): EvidenceRecord {
  return evidenceRecordSchema.parse({
    connector: options.connector ?? 'prometheus',
    scope: {
      workspaceId: options.workspaceId ?? 'acme',
      service: options.service ?? 'checkout',
      environment: options.environment ?? 'production',
    },
    freshness: {
      observedAt: secondsAgo(options.observedSecondsAgo ?? 60),
      maxAgeSeconds: options.maxAgeSeconds ?? 3_600,
    },
    facts: options.facts,
  });
}

/** A measured fact (`error_rate` in % by default) judged against `< 1%`. */
export function measuredFact(
  status: 'passed' | 'failed',
  value: number,
  name = 'error_rate',
): Fact {
  return {
    name,
    status,
    value: `${value}%`,
    threshold: '< 1%',
    measurement: { value, unit: '%' },
    ...(status === 'failed'
      ? {
          reason: { code: 'threshold_breached', message: `${value}% is not < 1%` },
          action: 'Roll back and look at the error logs.',
        }
      : {}),
  };
}

/** A word fact (`health`) judged against `== Healthy`. */
export function wordFact(status: 'passed' | 'failed', value: string, name = 'health'): Fact {
  return {
    name,
    status,
    value,
    threshold: '== Healthy',
    ...(status === 'failed'
      ? { reason: { code: 'threshold_breached', message: `${value} is not Healthy` } }
      : {}),
  };
}

/** A fact that is pending, unavailable or failed for a reason of the provider. */
export function factWithReason(
  name: string,
  status: 'pending' | 'unavailable' | 'failed',
  code: NonNullable<Fact['reason']>['code'],
  extra: Partial<Fact> = {},
): Fact {
  return { name, status, reason: { code, message: `${name} is ${status} (${code})` }, ...extra };
}

/** A parsed policy requiring the given facts in production. */
export function productionPolicy(
  required: NonNullable<GatePolicyInput['environments'][string]>['required'],
  extra: Partial<GatePolicyInput> = {},
) {
  return parseGatePolicy({ environments: { production: { required } }, ...extra });
}
