import { configurationErrorFromZod } from '../errors/configuration-error-from-zod';
import { type MeasurementLimits, measurementLimitsSchema } from './measurement-limits-schema';

/**
 * Validates measurement limits written with Argo Rollouts names and applies its defaults.
 * Throws a `ConfigurationError` naming every bad field and what was expected there.
 */
export function parseMeasurementLimits(input: unknown, pathPrefix = ''): MeasurementLimits {
  const result = measurementLimitsSchema.safeParse(input);
  if (!result.success)
    throw configurationErrorFromZod(result.error, pathPrefix, measurementLimitsSchema);
  return result.data;
}
