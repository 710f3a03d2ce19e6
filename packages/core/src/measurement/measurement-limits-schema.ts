import { z } from 'zod';
import { lazyShape } from '../evidence/lazy-schema';
import { parseDuration } from './parse-duration';

/** Argo Rollouts' default: a metric errors after more than 4 errors in a row. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

// Fields are built on first use (`lazyShape`): importing core builds only the schema's root.
const durationSchema = () =>
  z
    .union([
      z.string().describe('A duration such as "30s", "5m" or "1h30m".'),
      z.number().nonnegative().describe('A number of seconds.'),
    ])
    .transform((input, context) => {
      const milliseconds =
        typeof input === 'number' ? Math.round(input * 1_000) : parseDuration(input.trim());
      if (milliseconds === undefined || !Number.isFinite(milliseconds)) {
        context.addIssue({
          code: 'custom',
          message: 'a duration such as "30s", "5m", "1h30m" or a number of seconds',
        });
        return z.NEVER;
      }
      return milliseconds;
    });

const countingLimit = () => z.number().int().nonnegative();

/**
 * The limits of a repeated measurement, with the names, meanings and defaults of an Argo
 * Rollouts AnalysisTemplate metric:
 *
 * - `count`: how many conclusive measurements (errors do not count) end the run. Without
 *   `count` and `interval` it is 1; with only `interval` the run goes on until a limit ends it.
 * - `interval`: the time between measurements (`"5m"` or seconds); required when `count > 1`.
 * - `initialDelay`: the time after the start before the first measurement.
 * - `failureLimit` (default 0): more failed measurements than this fail the run; `-1` turns the
 *   limit off (then `consecutiveSuccessLimit` must be on).
 * - `inconclusiveLimit` (default 0): more inconclusive measurements than this make the run
 *   inconclusive.
 * - `consecutiveErrorLimit` (default 4): more errors in a row than this end the run in error.
 * - `consecutiveSuccessLimit` (default 0, off): this many successes in a row end the run
 *   successfully.
 */
export const measurementLimitsSchema = z
  .strictObject(
    lazyShape({
      count: () => z.number().int().positive().optional(),
      interval: () => durationSchema().optional(),
      initialDelay: () => durationSchema().optional(),
      failureLimit: () => z.number().int().min(-1).default(0),
      inconclusiveLimit: () => countingLimit().default(0),
      consecutiveErrorLimit: () => countingLimit().default(DEFAULT_CONSECUTIVE_ERROR_LIMIT),
      consecutiveSuccessLimit: () => countingLimit().default(0),
    }),
  )
  .superRefine((limits, context) => {
    const failureLimitOn = limits.failureLimit >= 0;
    const successLimitOn = limits.consecutiveSuccessLimit > 0;
    if (!failureLimitOn && !successLimitOn) {
      context.addIssue({
        code: 'custom',
        path: ['consecutiveSuccessLimit'],
        message:
          'a number above 0 when failureLimit is -1 (failureLimit and consecutiveSuccessLimit cannot both be off)',
      });
    }
    if (limits.interval === 0) {
      context.addIssue({ code: 'custom', path: ['interval'], message: 'a duration above 0' });
    }
    const count = limits.count;
    if (count === undefined) return;
    if (count > 1 && limits.interval === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['interval'],
        message: `an interval, because count is ${count}`,
      });
    }
    const needed = (failureLimitOn ? limits.failureLimit : 0) + limits.consecutiveSuccessLimit;
    if (count < needed) {
      context.addIssue({
        code: 'custom',
        path: ['count'],
        message: `at least ${needed} (failureLimit + consecutiveSuccessLimit), or the limits could never decide`,
      });
    }
    if (count < limits.inconclusiveLimit) {
      context.addIssue({
        code: 'custom',
        path: ['count'],
        message: `at least inconclusiveLimit (${limits.inconclusiveLimit})`,
      });
    }
  })
  .transform(
    (limits): MeasurementLimits => ({
      ...(limits.count === undefined ? {} : { count: limits.count }),
      ...(limits.interval === undefined ? {} : { intervalMs: limits.interval }),
      initialDelayMs: limits.initialDelay ?? 0,
      failureLimit: limits.failureLimit,
      inconclusiveLimit: limits.inconclusiveLimit,
      consecutiveErrorLimit: limits.consecutiveErrorLimit,
      consecutiveSuccessLimit: limits.consecutiveSuccessLimit,
    }),
  );

/** Limits as written in configuration (Argo Rollouts field names, durations as text). */
export type MeasurementLimitsInput = z.input<typeof measurementLimitsSchema>;

/**
 * Limits after parsing: defaults applied, durations in milliseconds. Configuration keeps Argo
 * Rollouts' names (`interval`, `initialDelay`); parsed durations carry the `Ms` suffix every
 * millisecond value in Evidencekit has (`timeoutMs`, `maxWaitMs`).
 */
export interface MeasurementLimits {
  /** Conclusive measurements (errors excluded) that end the run; absent: see `intervalMs`. */
  count?: number;
  /** Time between measurements, in ms; absent with `count` absent means a single measurement. */
  intervalMs?: number;
  /** Time after the start before the first measurement counts, in ms. */
  initialDelayMs: number;
  /** More failures than this fail the run; -1 means off. */
  failureLimit: number;
  /** More inconclusive measurements than this make the run inconclusive. */
  inconclusiveLimit: number;
  /** More errors in a row than this end the run in error. */
  consecutiveErrorLimit: number;
  /** This many successes in a row end the run successfully; 0 means off. */
  consecutiveSuccessLimit: number;
}
