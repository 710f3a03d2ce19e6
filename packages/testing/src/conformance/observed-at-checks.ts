import type { EvidenceRecord } from '@evidencekit/core';
import type { ConformanceClock } from './conformance-clock';
import type { HarnessRun } from './conformance-harness';
import type { ConformanceCheckResult } from './conformance-report';

/** How close to the real clock an `observedAt` must be to count as read from it. */
const REAL_CLOCK_SLACK_MS = 60_000;
/** How far the virtual clock must be from the real one for that to mean anything. */
const MIN_CLOCK_DISTANCE_MS = 60 * 60_000;

/**
 * The three ways the happy path's `freshness.observedAt` can be fabricated, one check each:
 * read from the real clock (`Date.now()`, `new Date()`) instead of the engine's `now()`; in the
 * future of the virtual clock; or older than the record's `maxAgeSeconds` although the
 * fixtures' data is fresh at the virtual time (see {@link ConformanceClock}).
 */
export function checkObservedAt(
  run: HarnessRun<EvidenceRecord>,
  clock: ConformanceClock,
): ConformanceCheckResult[] {
  const record = run.result;
  const names = [
    'observed-at:not-real-clock',
    'observed-at:not-in-future',
    'observed-at:within-max-age',
  ];
  const observedMs = record === undefined ? Number.NaN : Date.parse(record.freshness.observedAt);
  if (record === undefined || Number.isNaN(observedMs)) {
    return names.map((name) => ({
      name,
      status: 'skipped',
      message:
        'the happy path produced no record with a date in observedAt (see happy-path:valid-evidence)',
    }));
  }
  const observed = record.freshness.observedAt;
  const virtualEndMs = run.clock.now();
  const checks: ConformanceCheckResult[] = [];

  const distance = Math.abs(run.virtualStartMs - run.realStartMs);
  if (distance < MIN_CLOCK_DISTANCE_MS) {
    checks.push({
      name: names[0] as string,
      status: 'skipped',
      message: `the virtual clock (${clock.source}) is within an hour of the real one, so the suite cannot tell Date.now() from now(); declare clock.now further from today`,
    });
  } else if (
    observedMs >= run.realStartMs - REAL_CLOCK_SLACK_MS &&
    observedMs <= run.realEndMs + REAL_CLOCK_SLACK_MS
  ) {
    checks.push({
      name: names[0] as string,
      status: 'failed',
      message: `observedAt ${observed} is the real time of the run, not the engine's virtual time (${new Date(run.virtualStartMs).toISOString()}): the connector used Date.now() or new Date() instead of the now() it is given`,
    });
  } else {
    checks.push({
      name: names[0] as string,
      status: 'passed',
      message: 'observedAt is not read from the real clock',
    });
  }

  checks.push(
    observedMs > virtualEndMs
      ? {
          name: names[1] as string,
          status: 'failed',
          message: `observedAt ${observed} is ${describeDuration(observedMs - virtualEndMs)} in the future of the engine's now() (${new Date(virtualEndMs).toISOString()}, ${clock.source}): evidence cannot be observed before it happens`,
        }
      : { name: names[1] as string, status: 'passed', message: 'observedAt is not in the future' },
  );

  const ageMs = run.virtualStartMs - observedMs;
  const maxAgeMs = record.freshness.maxAgeSeconds * 1000;
  checks.push(
    ageMs > maxAgeMs
      ? {
          name: names[2] as string,
          status: 'failed',
          message: `observedAt ${observed} is ${describeDuration(ageMs)} older than the engine's now() (${new Date(run.virtualStartMs).toISOString()}, ${clock.source}), beyond maxAgeSeconds ${record.freshness.maxAgeSeconds}, on fresh fixture data: a hard-coded or wrong date, or seconds read as milliseconds. If the fixtures' data is from another time, declare clock.now as a time at which it is fresh`,
        }
      : {
          name: names[2] as string,
          status: 'passed',
          message: `observedAt is within maxAgeSeconds ${record.freshness.maxAgeSeconds} of the engine's now()`,
        },
  );
  return checks;
}

function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
