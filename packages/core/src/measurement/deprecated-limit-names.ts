import type { MeasurementLimits } from './measurement-limits-schema';

/**
 * Parsed limits with the duration names used before `intervalMs` and `initialDelayMs`.
 *
 * @deprecated Use {@link MeasurementLimits}. `evaluateMeasurements` still accepts this shape
 *   for one minor release.
 */
export type MeasurementLimitsWithMillisecondNames = Omit<
  MeasurementLimits,
  'intervalMs' | 'initialDelayMs'
> & {
  /** @deprecated Renamed to `intervalMs`. */
  intervalMilliseconds?: number;
  /** @deprecated Renamed to `initialDelayMs`. */
  initialDelayMilliseconds: number;
};

/** The limits under their current names, whichever names they were given with. */
export function withCurrentLimitNames(
  limits: MeasurementLimits | MeasurementLimitsWithMillisecondNames,
): MeasurementLimits {
  if ('initialDelayMs' in limits) return limits;
  const { intervalMilliseconds, initialDelayMilliseconds, ...rest } = limits;
  return {
    ...rest,
    ...(intervalMilliseconds === undefined ? {} : { intervalMs: intervalMilliseconds }),
    initialDelayMs: initialDelayMilliseconds,
  };
}
