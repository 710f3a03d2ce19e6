import {
  collectEvidence,
  type EvidenceRecord,
  type EvidenceTarget,
  type Release,
  releaseSchema,
} from '@evidencekit/core';
import type { CliSession } from '../cli-session';
import type { CommandArguments } from '../command';
import { positiveIntegerFlag, stringFlag, stringListFlag } from '../command-flags';
import { configureConnectors } from '../config/configure-connectors';
import type { LoadedConfig } from '../config/load-config';
import { usageError } from '../errors/usage-error';
import { createProgressDisplay } from '../output/progress-display';

/**
 * Collects evidence for every service, environment and target of the configuration (narrowed
 * by `--service` and `--environment`), with a live progress line on a terminal's stderr.
 *
 * @throws CliError (usage) when the filters match nothing or a release flag is malformed.
 * @throws ConfigurationError when a connector package cannot be loaded.
 */
export async function collectRecords(
  session: CliSession,
  args: CommandArguments,
  loaded: LoadedConfig,
  options: { progress: boolean },
): Promise<EvidenceRecord[]> {
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

  const targets: EvidenceTarget[] = [];
  for (const service of selected) {
    const release = { ...service.release, ...releaseOverride };
    for (const environment of service.environments) {
      if (environments.length > 0 && !environments.includes(environment)) continue;
      for (const target of service.targets) {
        const configured = connectors.get(target.connector);
        if (configured === undefined) continue;
        targets.push({
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
        });
      }
    }
  }
  if (targets.length === 0) {
    throw usageError(
      `Nothing to collect: no target matches${services.length > 0 ? ` --service ${services.join(', ')}` : ''}${environments.length > 0 ? ` --environment ${environments.join(', ')}` : ''}.`,
    );
  }

  const runtime = session.createRuntime();
  const progress = createProgressDisplay(session.io.stderr, {
    enabled: options.progress,
    redact: (text) => session.redactor.redactText(text),
  });
  const concurrency = positiveIntegerFlag(args, 'concurrency') ?? config.runtime?.concurrency;
  const timeoutMs = positiveIntegerFlag(args, 'timeout-ms') ?? config.runtime?.timeoutMs;
  try {
    const records: EvidenceRecord[] = [];
    for await (const record of collectEvidence({
      targets,
      runtime,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      onProgress: (update) => progress.update(update),
    })) {
      records.push(record);
    }
    // Completion order depends on provider latency; reports should not.
    return records.sort(
      (left, right) =>
        left.scope.service.localeCompare(right.scope.service) ||
        left.scope.environment.localeCompare(right.scope.environment) ||
        left.connector.localeCompare(right.connector),
    );
  } finally {
    progress.stop();
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
