import type { Fact } from './evidence-schema';
import { type FactStatus, worseStatus } from './fact-status';

/**
 * The status of a set of facts: the worst one present, `failed` first, then `unavailable`,
 * `pending`, `passed`. No facts means nothing was proven, so it is `unavailable`, never
 * `passed`.
 */
export function rollUpStatus(facts: readonly Pick<Fact, 'status'>[]): FactStatus {
  if (facts.length === 0) return 'unavailable';
  let status: FactStatus = 'passed';
  for (const fact of facts) status = worseStatus(status, fact.status);
  return status;
}
