import { assertSupportedConnector } from '../contract/supported-specification-versions';
import type { FactDefinitionV1 } from '../contract/v1/connector-metadata-v1';
import { ConfigurationError, type ConfigurationIssue } from '../errors/configuration-error';
import { configurationErrorFromZod } from '../errors/configuration-error-from-zod';
import { InvalidFactCatalogError } from '../errors/invalid-fact-catalog-error';
import { scopeSchema } from '../evidence/evidence-schema';
import { findSecretReferences } from '../schema-introspection/find-secret-references';
import { checkThresholdOverrides } from './check-threshold-overrides';
import type { EvidenceTarget } from './evidence-target';
import { resolveFactCatalog } from './fact-catalog-of';
import { parseSelector } from './produce-record';
import { type RuntimeInput, resolveRuntime } from './resolve-runtime';
import { validateSettings } from './validate-settings';

/** Options of {@link validateTargetConfiguration}. */
export interface ValidateTargetConfigurationOptions {
  /** The runtime whose secret resolver the run will use (its schemes, its environment). */
  runtime?: RuntimeInput;
  /** Cancels secret resolution. */
  signal?: AbortSignal;
}

/**
 * Checks everything about a target that configuration decides, before any provider is asked:
 * its scope (which every record repeats), the connector's settings and the target's selector
 * (unknown keys named with the closest known one), the fact catalog those settings give (`factCatalogOf`), threshold overrides
 * (facts that catalog lacks, texts that do not parse), `maxAgeSeconds`,
 * and that every secret reference in the settings resolves. A host that calls it before
 * collecting can report a misconfiguration as such (the CLI exits 78) instead of as evidence
 * that is merely unavailable. Resolved secrets are registered with the runtime's redactor.
 *
 * @throws ConfigurationError listing every problem, with paths relative to the target
 *   (`settings.baseUrl`, `selector.repository`, `thresholds.error_rate`, `settings.auth.token`).
 *   Secret values are never part of the message; references are.
 * @throws UnsupportedSpecificationVersionError when the connector implements a contract
 *   version this engine does not support.
 *
 * @example
 * ```ts
 * for (const target of targets) await validateTargetConfiguration(target, { runtime });
 * ```
 */
export async function validateTargetConfiguration(
  target: EvidenceTarget,
  options: ValidateTargetConfigurationOptions = {},
): Promise<void> {
  const connector = assertSupportedConnector(target.connector.connector);
  const issues: ConfigurationIssue[] = [];
  const collect = (action: () => void) => {
    try {
      action();
    } catch (error) {
      if (!ConfigurationError.isInstance(error)) throw error;
      issues.push(...error.issues);
    }
  };
  // The scope is copied into every record: one the record schema refuses would make every
  // record of this target invalid for any host that validates what it stores.
  const scope = scopeSchema.safeParse(target.scope);
  if (!scope.success) {
    issues.push(...configurationErrorFromZod(scope.error, 'scope', scopeSchema).issues);
  }
  let settingsValid = false;
  // A static catalog is known whatever the settings; a settings-dependent one only from valid
  // settings. Undefined while unknown: override names are then not judged (invalid settings are
  // reported below; a catalog that cannot be built is an issue of its own).
  let catalog: readonly FactDefinitionV1[] | undefined =
    connector.factsFor === undefined ? connector.metadata.facts : undefined;
  collect(() => {
    const config = validateSettings(target.connector);
    settingsValid = true;
    try {
      catalog = resolveFactCatalog(target.connector, config);
    } catch (error) {
      if (!InvalidFactCatalogError.isInstance(error)) throw error;
      issues.push({
        path: 'connector',
        expected: `a connector whose fact catalog can be built from these settings; ${error.message}`,
      });
    }
  });
  collect(() => {
    parseSelector(connector, target.selector);
  });
  issues.push(
    ...checkThresholdOverrides(
      connector.metadata.id,
      catalog,
      target.thresholds as Readonly<Record<string, string | undefined>> | undefined,
      { parse: true },
    ),
  );
  const { maxAgeSeconds } = target;
  if (maxAgeSeconds !== undefined && !(Number.isInteger(maxAgeSeconds) && maxAgeSeconds > 0)) {
    issues.push({ path: 'maxAgeSeconds', expected: 'a positive whole number of seconds' });
  }
  if (settingsValid) {
    const references = findSecretReferences(connector.configSchema, target.connector.settings);
    if (references.length > 0) {
      const { host, close } = resolveRuntime(options.runtime);
      try {
        for (const { path, reference } of references) {
          try {
            await host.secrets.resolve(
              reference,
              options.signal === undefined ? {} : { signal: options.signal },
            );
          } catch (error) {
            if (!ConfigurationError.isInstance(error)) throw error;
            issues.push({
              path: `settings.${path}`,
              expected: `a secret reference that resolves; "${reference}" does not`,
              received: error.issues.map((issue) => issue.received ?? issue.expected).join('; '),
            });
          }
        }
      } finally {
        await close();
      }
    }
  }
  if (issues.length > 0) throw new ConfigurationError({ issues });
}
