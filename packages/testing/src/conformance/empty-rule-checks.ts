import { dimensionOf, type FactDefinitionV1, isMeasurementUnit } from '@evidencekit/core';
import type { ConformanceCheckResult } from './conformance-report';

// A rate or a share by its name, whatever unit it was given.
const rateName = /(?:^|_)(?:rate|ratio|percent|percentage|share|fraction)(?:_|$)/;

/**
 * `catalog:empty-rules`: no rate or percentage may pass (or fail) on an empty result. A rate
 * over no requests is not 0 %, it is unknown, so its `whenEmpty` must stay `unavailable`
 * (the default). Counts may pass on empty (no open incidents honestly means none).
 */
export function checkEmptyRules(catalog: readonly FactDefinitionV1[]): ConformanceCheckResult {
  const name = 'catalog:empty-rules';
  const problems: string[] = [];
  for (const fact of catalog) {
    const rule = fact.whenEmpty;
    if (rule === undefined || rule.status === 'unavailable') continue;
    const unit: string = fact.unit;
    const isFraction = isMeasurementUnit(unit) && dimensionOf(unit) === 'fraction';
    if (isFraction || rateName.test(fact.name)) {
      problems.push(
        `fact "${fact.name}" (${unit}) declares whenEmpty ${rule.status}: a rate or percentage over no data is unknown, not ${rule.value}; leave whenEmpty unset (unavailable: no_data)`,
      );
    }
  }
  return problems.length === 0
    ? {
        name,
        status: 'passed',
        message: 'no rate or percentage passes or fails on an empty result',
      }
    : { name, status: 'failed', message: problems.join('; ') };
}
