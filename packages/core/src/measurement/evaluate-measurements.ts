import { ConfigurationError } from '../errors/configuration-error';
import {
  type MeasurementLimitsWithMillisecondNames,
  withCurrentLimitNames,
} from './deprecated-limit-names';
import type { MeasurementLimits } from './measurement-limits-schema';
import type { MeasurementAssessmentPhase, MeasurementPhase } from './measurement-phase';

/** After an error, the next try comes this soon (ms), whatever the interval (as in Argo Rollouts). */
export const ERROR_RETRY_INTERVAL_MS = 10_000;

/** @deprecated Renamed to {@link ERROR_RETRY_INTERVAL_MS}; this alias goes in the next minor. */
export const ERROR_RETRY_INTERVAL_MILLISECONDS = ERROR_RETRY_INTERVAL_MS;

/** One measurement taken. */
export interface MeasurementResult {
  /** Its outcome. */
  phase: MeasurementPhase;
  /** When it was taken (a `Date` or an ISO 8601 text). Orders the measurements. */
  takenAt: Date | string;
  /** Why, in words (redacted); the last one is repeated in the assessment message. */
  message?: string;
}

/** How many measurements of each kind were counted. */
export interface MeasurementCounts {
  /** Conclusive measurements (successful, failed, inconclusive): what `count` is compared with. */
  measured: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  /** Errors in a row at the end of the run. */
  consecutiveErrors: number;
  /** Successes in a row at the end of the run. */
  consecutiveSuccesses: number;
  /**
   * Measurements left out: taken before the initial delay ended, after `now`, with an
   * unreadable time, or after the run had already concluded.
   */
  ignored: number;
}

/** Where a series of measurements stands. */
export interface MeasurementAssessment {
  phase: MeasurementAssessmentPhase;
  /** Why, in words. */
  message: string;
  counts: MeasurementCounts;
  /** While `running`: when to measure next (never before `now`). */
  nextMeasurementAt?: Date;
  /** When concluded: the time of the measurement that concluded the run. */
  concludedAt?: Date;
}

/** Options of `evaluateMeasurements`. */
export interface EvaluateMeasurementsOptions {
  /**
   * No more measurements will be taken (the host stopped the run). A run that has not
   * concluded then ends `inconclusive`, or `successful` only when at least one measurement
   * succeeded, no limit was crossed, the last measurement was not an error and
   * `consecutiveSuccessLimit` is off. Argo Rollouts ends a terminated run successfully even
   * with no measurement at all; we do not.
   */
  final?: boolean;
}

interface Tally extends Omit<MeasurementCounts, 'ignored'> {}

interface TimedMeasurement {
  phase: MeasurementPhase;
  time: number;
  message: string | undefined;
}

/**
 * Assesses repeated measurements against Argo Rollouts-compatible limits. Pure: the result
 * depends only on the arguments.
 *
 * Measurements are replayed in time order (ties keep their given order) and counted as
 * Argo Rollouts counts them: errors do not count toward `count`; an error or a failed or
 * inconclusive measurement resets the successes in a row; a conclusive one resets the errors
 * in a row. After each measurement, the first rule that holds concludes the run:
 *
 * 1. failed > `failureLimit` (unless -1) → `failed`;
 * 2. inconclusive > `inconclusiveLimit` → `inconclusive`;
 * 3. errors in a row > `consecutiveErrorLimit` → `error`;
 * 4. successes in a row ≥ `consecutiveSuccessLimit` (when above 0) → `successful`;
 * 5. measured ≥ `count` (1 when neither `count` nor `interval` is set) → with
 *    `consecutiveSuccessLimit` on: `inconclusive` if `failureLimit` is on, else `failed`;
 *    otherwise `successful` if at least one measurement succeeded, else `inconclusive`.
 *
 * Where this differs from Argo Rollouts, it is to never pass without proof: a run whose
 * `count` is reached with no success at all (say three failures under `failureLimit: 3`) is
 * `inconclusive`, not `successful`; a stopped run is never successful without a success (see
 * `final`); and a measurement taken after the run concluded successfully that is not itself
 * successful turns the result `inconclusive`, because evidence against a release is never
 * ignored. Measurements before `startedAt` + `initialDelay` or after `now` are left out and
 * counted as ignored.
 *
 * @throws ConfigurationError when `clock.startedAt` or `clock.now` is an invalid Date: with
 * either unknown, no measurement could be placed inside or outside the window.
 */
export function evaluateMeasurements(
  measurements: readonly MeasurementResult[],
  limitsInput: MeasurementLimits | MeasurementLimitsWithMillisecondNames,
  clock: { startedAt: Date; now: Date },
  options: EvaluateMeasurementsOptions = {},
): MeasurementAssessment {
  const limits = withCurrentLimitNames(limitsInput);
  const startedAt = validTime(clock.startedAt, 'clock.startedAt');
  const now = validTime(clock.now, 'clock.now');
  const windowStart = startedAt + limits.initialDelayMs;
  let ignored = 0;
  const usable: TimedMeasurement[] = [];
  for (const measurement of measurements) {
    const time = new Date(measurement.takenAt).getTime();
    if (Number.isNaN(time) || time < windowStart || time > now) {
      ignored += 1;
      continue;
    }
    usable.push({ phase: measurement.phase, time, message: measurement.message });
  }
  // Array.prototype.sort is stable, so measurements taken at the same time keep their order.
  usable.sort((left, right) => left.time - right.time);

  const effectiveCount = limits.count ?? (limits.intervalMs === undefined ? 1 : undefined);
  const tally: Tally = {
    measured: 0,
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    consecutiveErrors: 0,
    consecutiveSuccesses: 0,
  };

  for (const [index, measurement] of usable.entries()) {
    countMeasurement(tally, measurement.phase);
    const conclusion = conclude(tally, limits, effectiveCount);
    if (conclusion === undefined) continue;
    const later = usable.slice(index + 1);
    const counts = { ...tally, ignored: ignored + later.length };
    const concludedAt = new Date(measurement.time);
    const contradicting = later.find((laterMeasurement) => laterMeasurement.phase !== 'successful');
    if (conclusion.phase === 'successful' && contradicting !== undefined) {
      return {
        phase: 'inconclusive',
        message:
          `${conclusion.message}, but a later measurement was ${contradicting.phase}` +
          `${suffix(contradicting.message)}; a person must decide`,
        counts,
        concludedAt,
      };
    }
    return {
      phase: conclusion.phase,
      message: `${conclusion.message}${suffix(measurement.message)}`,
      counts,
      concludedAt,
    };
  }

  const counts = { ...tally, ignored };
  const last = usable.at(-1);
  if (options.final === true) return concludeStoppedRun(counts, limits, last);
  return {
    phase: 'running',
    message: describeRunning(counts, effectiveCount, ignored),
    counts,
    nextMeasurementAt: new Date(Math.max(now, nextMeasurementTime(last, limits, windowStart))),
  };
}

function validTime(date: Date, path: string): number {
  const time = date.getTime();
  if (Number.isNaN(time))
    throw new ConfigurationError({ issues: [{ path, expected: 'a valid Date' }] });
  return time;
}

function countMeasurement(tally: Tally, phase: MeasurementPhase): void {
  if (phase === 'error') {
    tally.error += 1;
    tally.consecutiveErrors += 1;
    tally.consecutiveSuccesses = 0;
    return;
  }
  tally.measured += 1;
  tally.consecutiveErrors = 0;
  if (phase === 'successful') {
    tally.successful += 1;
    tally.consecutiveSuccesses += 1;
    return;
  }
  tally.consecutiveSuccesses = 0;
  if (phase === 'failed') tally.failed += 1;
  else tally.inconclusive += 1;
}

function conclude(
  tally: Tally,
  limits: MeasurementLimits,
  effectiveCount: number | undefined,
): { phase: Exclude<MeasurementAssessmentPhase, 'running'>; message: string } | undefined {
  if (limits.failureLimit >= 0 && tally.failed > limits.failureLimit) {
    return {
      phase: 'failed',
      message: `${tally.failed} failed measurements, more than the failure limit of ${limits.failureLimit}`,
    };
  }
  if (tally.inconclusive > limits.inconclusiveLimit) {
    return {
      phase: 'inconclusive',
      message: `${tally.inconclusive} inconclusive measurements, more than the inconclusive limit of ${limits.inconclusiveLimit}`,
    };
  }
  if (tally.consecutiveErrors > limits.consecutiveErrorLimit) {
    return {
      phase: 'error',
      message: `${tally.consecutiveErrors} errors in a row, more than the consecutive error limit of ${limits.consecutiveErrorLimit}`,
    };
  }
  const successLimitOn = limits.consecutiveSuccessLimit > 0;
  if (successLimitOn && tally.consecutiveSuccesses >= limits.consecutiveSuccessLimit) {
    return {
      phase: 'successful',
      message: `${tally.consecutiveSuccesses} successful measurements in a row reached the consecutive success limit`,
    };
  }
  if (effectiveCount === undefined || tally.measured < effectiveCount) return undefined;
  const reached = `count of ${effectiveCount} measurements reached`;
  if (successLimitOn) {
    const notReached = `${reached} without ${limits.consecutiveSuccessLimit} successes in a row`;
    return limits.failureLimit >= 0
      ? { phase: 'inconclusive', message: `${notReached} (failure limit not crossed)` }
      : { phase: 'failed', message: notReached };
  }
  if (tally.successful === 0) {
    return { phase: 'inconclusive', message: `${reached} without a single success` };
  }
  return {
    phase: 'successful',
    message: `${reached}: ${tally.successful} successful, ${tally.failed} failed, ${tally.inconclusive} inconclusive`,
  };
}

function concludeStoppedRun(
  counts: MeasurementCounts,
  limits: MeasurementLimits,
  last: TimedMeasurement | undefined,
): MeasurementAssessment {
  const concludedAt = last === undefined ? {} : { concludedAt: new Date(last.time) };
  const inconclusive = (message: string): MeasurementAssessment => ({
    phase: 'inconclusive',
    message: `stopped before concluding: ${message}`,
    counts,
    ...concludedAt,
  });
  if (counts.successful === 0) return inconclusive('no successful measurement');
  if (limits.consecutiveSuccessLimit > 0) {
    return inconclusive(
      `${counts.consecutiveSuccesses} of ${limits.consecutiveSuccessLimit} required successes in a row`,
    );
  }
  if (counts.consecutiveErrors > 0) {
    return inconclusive(`the last ${counts.consecutiveErrors} measurements were errors`);
  }
  return {
    phase: 'successful',
    message: `stopped with no limit crossed: ${counts.successful} successful, ${counts.failed} failed, ${counts.inconclusive} inconclusive`,
    counts,
    ...concludedAt,
  };
}

function nextMeasurementTime(
  last: TimedMeasurement | undefined,
  limits: MeasurementLimits,
  windowStart: number,
): number {
  if (last === undefined) return windowStart;
  if (last.phase === 'error' || limits.intervalMs === undefined) {
    return last.time + ERROR_RETRY_INTERVAL_MS;
  }
  return last.time + limits.intervalMs;
}

function describeRunning(
  counts: MeasurementCounts,
  effectiveCount: number | undefined,
  ignored: number,
): string {
  const progress =
    effectiveCount === undefined
      ? `${counts.measured} measurements so far (no count: runs until a limit ends it)`
      : `${counts.measured} of ${effectiveCount} measurements`;
  const errors =
    counts.consecutiveErrors > 0 ? `, ${counts.consecutiveErrors} errors in a row` : '';
  const left = ignored > 0 ? `, ${ignored} ignored (outside the measurement window)` : '';
  return `running: ${progress}${errors}${left}`;
}

function suffix(message: string | undefined): string {
  return message === undefined || message === '' ? '' : ` (last: ${message})`;
}
