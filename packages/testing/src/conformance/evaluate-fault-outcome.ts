import {
  type EvidenceRecord,
  evidenceRecordSchema,
  type FactDefinitionV1,
} from '@evidencekit/core';
import type { FaultExpectation } from '../faults/fault-scenario';

/**
 * Compares a record with what a fault scenario must lead to; returns the problems (empty when
 * it conforms). `happy` is the happy-path record, for `recovered`; `catalog` is the configured
 * connector's (`factCatalogOf`), whose `whenEmpty` rules an empty result follows.
 */
export function evaluateFaultOutcome(options: {
  catalog: readonly FactDefinitionV1[];
  record: EvidenceRecord;
  expected: FaultExpectation;
  facts: readonly string[];
  happy: EvidenceRecord | undefined;
  /**
   * The empty answer was derived from the happy body, not declared: a derived body may not
   * look like an empty answer to the connector, so any status but `passed` is accepted, unless
   * the fact's whenEmpty rule itself says passed.
   */
  emptyDerived?: boolean;
}): string[] {
  const { record, expected } = options;
  const problems: string[] = [];
  const parsed = evidenceRecordSchema.safeParse(record);
  if (!parsed.success)
    problems.push(`the record does not validate: ${parsed.error.issues[0]?.message ?? ''}`);
  const byName = new Map(record.facts.map((fact) => [fact.name, fact]));
  const describe = (name: string) => {
    const fact = byName.get(name);
    if (fact === undefined) return 'missing';
    return fact.reason === undefined ? fact.status : `${fact.status}: ${fact.reason.code}`;
  };

  if (expected.outcome === 'recovered') {
    for (const fact of options.happy?.facts ?? []) {
      const seen = byName.get(fact.name);
      if (seen?.status !== fact.status || seen.value !== fact.value) {
        problems.push(
          `${fact.name} is ${describe(fact.name)} (${seen?.value ?? '-'}), the happy path gives ${fact.status} (${fact.value ?? '-'})`,
        );
      }
    }
    return problems;
  }

  // An empty result may pass through a fact's whenEmpty rule (checked below); a fault never.
  if (expected.outcome === 'unavailable' && record.status === 'passed') {
    problems.push('the record rolled up to passed');
  }
  for (const name of options.facts) {
    const fact = byName.get(name);
    if (expected.outcome === 'unavailable') {
      if (fact?.status !== 'unavailable' || fact.reason === undefined) {
        problems.push(
          `${name} is ${describe(name)}, expected unavailable (${expected.reasons.join(' or ')})`,
        );
      } else if (!(expected.reasons as readonly string[]).includes(fact.reason.code)) {
        problems.push(
          `${name} is unavailable with reason ${fact.reason.code}, expected ${expected.reasons.join(' or ')}`,
        );
      }
      continue;
    }
    const rule = options.catalog.find((definition) => definition.name === name)?.whenEmpty;
    if (options.emptyDerived === true) {
      if (fact?.status === 'passed' && rule?.status !== 'passed') {
        problems.push(
          `${name} is passed on an empty result, but its whenEmpty rule says ${rule?.status ?? 'unavailable (the default)'}: a pass on empty data`,
        );
      } else if (fact === undefined) {
        problems.push(`${name} is missing on an empty result`);
      }
      continue;
    }
    if (rule === undefined || rule.status === 'unavailable') {
      if (fact?.status !== 'unavailable' || fact.reason?.code !== 'no_data') {
        problems.push(
          `${name} is ${describe(name)} on an empty result, expected unavailable: no_data${fact?.status === 'passed' ? ' (a pass on empty data)' : ''}`,
        );
      }
    } else if (fact?.status !== rule.status) {
      problems.push(
        `${name} is ${describe(name)} on an empty result, its whenEmpty rule says ${rule.status}`,
      );
    }
  }
  return problems;
}
