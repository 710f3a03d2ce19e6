import type { FactDefinitionV1 } from '../contract/v1/connector-metadata-v1';
import { didYouMean } from '../errors/closest-name';
import type { ConfigurationIssue } from '../errors/configuration-error';
import { ThresholdSyntaxError } from '../errors/threshold-syntax-error';
import { parseThreshold } from '../threshold/parse-threshold';

/**
 * Problems with a target's threshold overrides: a fact name the configured connector's catalog
 * (`factCatalogOf`) does not have (with the closest known one; a misspelt override would
 * otherwise be ignored and the looser default applied) and, with `parse`, an override that does
 * not parse. With `catalog` undefined (it could not be built), names are not checked.
 */
export function checkThresholdOverrides(
  connectorId: string,
  catalog: readonly FactDefinitionV1[] | undefined,
  thresholds: Readonly<Record<string, string | undefined>> | undefined,
  options: { parse?: boolean } = {},
): ConfigurationIssue[] {
  if (thresholds === undefined) return [];
  const known = catalog?.map((fact) => fact.name);
  const issues: ConfigurationIssue[] = [];
  for (const [name, text] of Object.entries(thresholds)) {
    if (known !== undefined && !known.includes(name)) {
      issues.push({
        path: `thresholds.${name}`,
        expected: `a fact of ${connectorId}; "${name}" is not one${didYouMean(name, known)}`,
      });
      continue;
    }
    if (options.parse !== true || text === undefined) continue;
    try {
      parseThreshold(text);
    } catch (error) {
      if (!ThresholdSyntaxError.isInstance(error)) throw error;
      issues.push({ path: `thresholds.${name}`, expected: `a valid threshold (${error.message})` });
    }
  }
  return issues;
}
