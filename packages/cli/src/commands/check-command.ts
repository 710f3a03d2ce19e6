import { type ConfiguredConnector, type ConnectorCheck, checkConnector } from '@evidencekit/core';
import type { Command } from '../command';
import {
  configOptionHelp,
  configOptions,
  integerFlag,
  reportOptions,
  stringListFlag,
} from '../command-flags';
import { configureConnectors } from '../config/configure-connectors';
import { loadCommandConfig } from '../config/load-command-config';
import type { LoadedConfig } from '../config/load-config';
import { type LocatedTarget, preflightConfiguration } from '../config/preflight-configuration';
import { usageError } from '../errors/usage-error';
import { EXIT_CODES } from '../exit-codes';
import { labelled } from '../output/labelled-text';
import { renderTable } from '../output/render-table';
import { reportFormatOf } from '../output/report-format';
import type { TerminalStyle } from '../output/terminal-style';

/** The longest a connector check may take: checks are meant to be fast. */
export const CHECK_TIMEOUT_MS = 5_000;

/** `evidencekit check`: connection and least-privilege check of every connector. */
export const checkCommand: Command = {
  name: 'check',
  usage: 'check [--connector <id>] [flags]',
  summary: 'Check each connector: connection, credential and least privilege (5 s each)',
  options: {
    ...configOptions,
    format: reportOptions.format,
    json: reportOptions.json,
    connector: { type: 'string', multiple: true },
    'timeout-ms': { type: 'string' },
  },
  optionHelp: [
    '    --connector <id>         only this connector instance (repeatable)',
    `    --timeout-ms <ms>        deadline per connector, at most ${CHECK_TIMEOUT_MS} (default ${CHECK_TIMEOUT_MS})`,
    ...configOptionHelp,
    '-f, --format <format>        text (default) or json',
    '    --json                   same as --format json',
  ],
  async run(session, args) {
    const format = reportFormatOf(args, ['text', 'json']);
    const timeoutMs =
      integerFlag(args, 'timeout-ms', { min: 1, max: CHECK_TIMEOUT_MS }) ?? CHECK_TIMEOUT_MS;
    const loaded = await loadCommandConfig(session, args, true);
    const only = stringListFlag(args, 'connector');
    for (const id of only) {
      if (!(id in loaded.config.connectors)) {
        throw usageError(
          `--connector ${id} is not configured (instances: ${Object.keys(loaded.config.connectors).join(', ')}).`,
        );
      }
    }
    const connectors = await configureConnectors(
      loaded,
      only.length === 0 ? undefined : new Set(only),
    );
    const runtime = session.createRuntime();
    let checks: ConnectorCheck[];
    try {
      // A misconfiguration (a misspelt setting, a secret that is not set) is a configuration
      // error (78), not a failed check.
      await preflightConfiguration(loaded, {
        targets: configuredTargets(loaded, connectors),
        connectors,
        runtime,
      });
      // In parallel: the whole check takes as long as the slowest connector, at most the deadline.
      checks = await Promise.all(
        [...connectors.values()].map((configured) =>
          checkConnector(configured, { timeoutMs, runtime }),
        ),
      );
    } finally {
      await runtime.close();
    }
    if (format === 'json') {
      session.out(`${JSON.stringify({ checks: session.redactor.redactValue(checks) }, null, 2)}\n`);
    } else {
      session.out(renderChecks(checks, session.style(session.io.stdout)));
    }
    return checks.every((check) => check.ok) ? EXIT_CODES.ok : EXIT_CODES.failed;
  },
};

function renderChecks(checks: readonly ConnectorCheck[], style: TerminalStyle): string {
  const rows = checks.map((check) => [
    check.instanceId,
    check.connector,
    check.ok ? style.status('passed', 'ok') : style.status('failed', 'FAILED'),
    `${check.durationMs} ms`,
  ]);
  const details = checks.flatMap((check) =>
    check.findings.map(
      (finding) =>
        `${check.instanceId}: ${finding.status} ${labelled(finding.code, finding.message)}`,
    ),
  );
  const table = renderTable(['INSTANCE', 'CONNECTOR', 'CHECK', 'TIME'], rows);
  return `${table}\n${details.length > 0 ? `\n${details.join('\n')}\n` : ''}`;
}

/** The configuration's targets of the instances being checked, one per service target. */
function configuredTargets(
  loaded: LoadedConfig,
  connectors: ReadonlyMap<string, ConfiguredConnector>,
): LocatedTarget[] {
  const located: LocatedTarget[] = [];
  for (const [serviceIndex, service] of loaded.config.services.entries()) {
    for (const [targetIndex, target] of service.targets.entries()) {
      const configured = connectors.get(target.connector);
      if (configured === undefined) continue;
      located.push({
        instanceId: target.connector,
        path: `services[${serviceIndex}].targets[${targetIndex}]`,
        target: {
          connector: configured,
          scope: {
            workspaceId: loaded.config.workspaceId,
            service: service.name,
            environment: service.environments[0] ?? '',
          },
          selector: target.selector,
          ...(target.thresholds === undefined ? {} : { thresholds: target.thresholds }),
          ...(target.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: target.maxAgeSeconds }),
        },
      });
    }
  }
  return located;
}
