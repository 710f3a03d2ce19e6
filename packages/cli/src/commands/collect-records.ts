import {
  collectEvidence,
  type EvidenceRecord,
  type EvidenceTarget,
  type GatePolicy,
  type Release,
  releaseSchema,
} from '@evidencekit/core';
import type { CliSession } from '../cli-session';
import type { CommandArguments } from '../command';
import {
  booleanFlag,
  CONCURRENCY_RANGE,
  integerFlag,
  stringFlag,
  stringListFlag,
  TIMEOUT_MS_RANGE,
} from '../command-flags';
import { configureConnectors } from '../config/configure-connectors';
import type { LoadedConfig } from '../config/load-config';
import { type LocatedTarget, preflightConfiguration } from '../config/preflight-configuration';
import { usageError } from '../errors/usage-error';
import { createProgressDisplay, type ProgressDisplay } from '../output/progress-display';

/**
 * Collects evidence for every service, environment and target of the configuration (narrowed
 * by `--service` and `--environment`), with progress on stderr: live on a terminal, plain
 * lines elsewhere with `--progress`.
 *
 * @throws CliError (usage) when the filters match nothing or a release flag is malformed.
 * @throws ConfigurationError when a connector package cannot be loaded.
 */
export async function collectRecords(
  session: CliSession,
  args: CommandArguments,
  loaded: LoadedConfig,
  options: { policy?: unknown } = {},
): Promise<{ records: EvidenceRecord[]; policy: GatePolicy | undefined }> {
  const { config } = loaded;
  const services = stringListFlag(args, 'service');
  const environments = stringListFlag(args, 'environment');
  const releaseOverride = releaseFromFlags(args);

  const selected = config.services.filter(
    (service) => services.length === 0 || services.includes(service.name),
  );
  for (const name of services) {
    if (!config.services.some((service) => service.name === name)) {
      throw usageError(
        `--service ${name} is not in the configuration (services: ${config.services.map((service) => service.name).join(', ')}).`,
      );
    }
  }
  const usedInstances = new Set(
    selected.flatMap((service) => service.targets.map((target) => target.connector)),
  );
  const connectors = await configureConnectors(loaded, usedInstances);

  const located: LocatedTarget[] = [];
  for (const [serviceIndex, service] of config.services.entries()) {
    if (!selected.includes(service)) continue;
    const release = { ...service.release, ...releaseOverride };
    for (const environment of service.environments) {
      if (environments.length > 0 && !environments.includes(environment)) continue;
      for (const [targetIndex, target] of service.targets.entries()) {
        const configured = connectors.get(target.connector);
        if (configured === undefined) continue;
        located.push({
          instanceId: target.connector,
          path: `services[${serviceIndex}].targets[${targetIndex}]`,
          target: {
            connector: configured,
            scope: {
              workspaceId: config.workspaceId,
              service: service.name,
              environment,
              ...(Object.keys(release).length === 0 ? {} : { release }),
            },
            selector: target.selector,
            ...(target.thresholds === undefined ? {} : { thresholds: target.thresholds }),
            ...(target.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: target.maxAgeSeconds }),
          },
        });
      }
    }
  }
  const targets: EvidenceTarget[] = located.map((each) => each.target);
  if (targets.length === 0) {
    throw usageError(
      `Nothing to collect: no target matches${services.length > 0 ? ` --service ${services.join(', ')}` : ''}${environments.length > 0 ? ` --environment ${environments.join(', ')}` : ''}.`,
    );
  }

  const runtime = session.createRuntime();
  let progress: ProgressDisplay | undefined;
  const concurrency =
    integerFlag(args, 'concurrency', CONCURRENCY_RANGE) ?? config.runtime?.concurrency;
  const timeoutMs = integerFlag(args, 'timeout-ms', TIMEOUT_MS_RANGE) ?? config.runtime?.timeoutMs;
  try {
    // Misconfiguration is a configuration error (78), found before any provider is asked,
    // never evidence that is merely unavailable (a hold a CI step would retry).
    const policy = await preflightConfiguration(loaded, {
      targets: located,
      connectors,
      runtime,
      ...(options.policy === undefined ? {} : { policy: options.policy }),
    });
    progress = createProgressDisplay(session.io.stderr, {
      mode: booleanFlag(args, 'progress') ? 'always' : 'auto',
      redact: (text) => session.redactor.redactText(text),
      total: targets.length,
    });
    const display = progress;
    const records: EvidenceRecord[] = [];
    for await (const record of collectEvidence({
      targets,
      runtime,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      onProgress: (update) => display.update(update),
    })) {
      records.push(record);
    }
    // Completion order depends on provider latency; reports should not.
    records.sort(
      (left, right) =>
        left.scope.service.localeCompare(right.scope.service) ||
        left.scope.environment.localeCompare(right.scope.environment) ||
        left.connector.localeCompare(right.connector),
    );
    return { records, policy };
  } finally {
    progress?.stop();
    await runtime.close();
  }
}

function releaseFromFlags(args: CommandArguments): Partial<Release> {
  const candidate = {
    ...optional('version', stringFlag(args, 'release-version')),
    ...optional('commit', stringFlag(args, 'commit')),
    ...optional('artifactDigest', stringFlag(args, 'artifact-digest')),
  };
  const parsed = releaseSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = {
      version: '--release-version',
      commit: '--commit',
      artifactDigest: '--artifact-digest',
    }[String(issue?.path[0]) as 'version'];
    throw usageError(`${flag ?? 'A release flag'} expects ${issue?.message ?? 'a valid value'}.`);
  }
  return parsed.data;
}

function optional<Key extends string>(
  key: Key,
  value: string | undefined,
): Partial<Record<Key, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}
