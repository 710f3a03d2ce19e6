import { type ConnectorCheck, checkConnector } from '@evidencekit/core';
import type { Command } from '../command';
import {
  configOptionHelp,
  configOptions,
  positiveIntegerFlag,
  reportOptions,
  stringListFlag,
} from '../command-flags';
import { configureConnectors } from '../config/configure-connectors';
import { loadCommandConfig } from '../config/load-command-config';
import { usageError } from '../errors/usage-error';
import { EXIT_CODES } from '../exit-codes';
import { renderTable } from '../output/render-table';
import { reportFormatOf } from '../output/report-format';
import { terminalStyle } from '../output/terminal-style';

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
    const timeoutMs = positiveIntegerFlag(args, 'timeout-ms') ?? CHECK_TIMEOUT_MS;
    if (timeoutMs > CHECK_TIMEOUT_MS) {
      throw usageError(
        `--timeout-ms is at most ${CHECK_TIMEOUT_MS} for check, received ${timeoutMs}.`,
      );
    }
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
      session.out(renderChecks(checks, session.io.stdout.isTTY === true, session.io.env));
    }
    return checks.every((check) => check.ok) ? EXIT_CODES.ok : EXIT_CODES.failed;
  },
};

function renderChecks(
  checks: readonly ConnectorCheck[],
  toTerminal: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const style = terminalStyle(
    toTerminal ? { write: () => {}, isTTY: true } : { write: () => {} },
    env,
  );
  const rows = checks.map((check) => [
    check.instanceId,
    check.connector,
    check.ok ? style.status('passed', 'ok') : style.status('failed', 'FAILED'),
    `${check.durationMs} ms`,
  ]);
  const details = checks.flatMap((check) =>
    check.findings.map(
      (finding) => `${check.instanceId}: ${finding.status} ${finding.code}: ${finding.message}`,
    ),
  );
  const table = renderTable(['INSTANCE', 'CONNECTOR', 'CHECK', 'TIME'], rows);
  return `${table}\n${details.length > 0 ? `\n${details.join('\n')}\n` : ''}`;
}
