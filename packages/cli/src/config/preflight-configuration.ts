import path from 'node:path';
import {
  ConfigurationError,
  type ConfigurationIssue,
  type ConfiguredConnector,
  type EvidenceTarget,
  type GatePolicy,
  parseGatePolicy,
  type Runtime,
  validateTargetConfiguration,
} from '@evidencekit/core';
import type { LoadedConfig } from './load-config';

/** A target with where it came from in the configuration file. */
export interface LocatedTarget {
  target: EvidenceTarget;
  /** The connector instance id, the key under `connectors`. */
  instanceId: string;
  /** Its path in the file, e.g. `services[0].targets[1]`. */
  path: string;
}

/**
 * Checks, before any provider is asked, everything in the configuration that would otherwise
 * surface as unavailable evidence (a hold) although only the configuration can fix it:
 * connector settings and selectors (unknown keys, with the closest known one), threshold
 * overrides, secret references that do not resolve, and, when `policy` is given, policy
 * entries naming an unknown connector or fact. Every problem is reported at once,
 * each at its path in the file (`connectors.<id>.settings.<key>`,
 * `services[i].targets[j].selector.<key>`, `policy.<path>`), never with a secret's value.
 *
 * @returns The policy, parsed against the configured connectors' catalogs.
 * @throws ConfigurationError naming the file, each path and what was expected there.
 */
export async function preflightConfiguration(
  loaded: LoadedConfig,
  options: {
    targets: readonly LocatedTarget[];
    connectors: ReadonlyMap<string, ConfiguredConnector>;
    runtime: Runtime;
    policy?: unknown;
  },
): Promise<GatePolicy | undefined> {
  const issues: ConfigurationIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: ConfigurationIssue) => {
    const key = `${issue.path}\u0000${issue.expected}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(issue);
  };
  // Environments share a target's settings and selector: each is checked once.
  const checked = new Set<string>();
  for (const { target, instanceId, path } of options.targets) {
    if (checked.has(path)) continue;
    checked.add(path);
    try {
      await validateTargetConfiguration(target, { runtime: options.runtime });
    } catch (error) {
      if (!ConfigurationError.isInstance(error)) throw error;
      for (const issue of error.issues) {
        add({ ...issue, path: locate(issue.path, instanceId, path) });
      }
    }
  }
  let policy: GatePolicy | undefined;
  if (options.policy !== undefined) {
    // The policy names connectors by the id records carry (`metadata.id`), as core matches.
    const catalogs = [...options.connectors.values()];
    try {
      policy = parseGatePolicy(options.policy, { connectors: catalogs });
    } catch (error) {
      if (!ConfigurationError.isInstance(error)) throw error;
      for (const issue of error.issues) {
        add({ ...issue, path: issue.path === '' ? 'policy' : `policy.${issue.path}` });
      }
    }
  }
  if (issues.length > 0) {
    const name = path.basename(loaded.file);
    const base = new ConfigurationError({ issues });
    throw new ConfigurationError({
      message: `${name}: ${base.message}\nFix these in ${name} (run \`evidencekit check\` to test credentials and access).`,
      issues,
    });
  }
  return policy;
}

/** A path relative to a target (`settings.x`, `selector.y`) → its path in the file. */
function locate(issuePath: string, instanceId: string, targetPath: string): string {
  if (
    issuePath === 'settings' ||
    issuePath.startsWith('settings.') ||
    issuePath.startsWith('settings[')
  ) {
    return `connectors.${instanceId}.${issuePath}`;
  }
  return issuePath === '' ? targetPath : `${targetPath}.${issuePath}`;
}
