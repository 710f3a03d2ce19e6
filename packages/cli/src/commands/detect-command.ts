import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type AnyConnectorV1,
  ConfigurationError,
  type ConnectorDetection,
  detectConnectors,
  type JsonValue,
} from '@evidencekit/core';
import { stringify as stringifyYaml } from 'yaml';
import type { Command } from '../command';
import {
  configOptionHelp,
  configOptions,
  positiveIntegerFlag,
  reportOptions,
} from '../command-flags';
import type { EvidencekitConfig } from '../config/config-schema';
import { loadCommandConfig } from '../config/load-command-config';
import { loadConnectorModule } from '../config/load-connector-module';
import { noInputError, usageError } from '../errors/usage-error';
import { EXIT_CODES } from '../exit-codes';
import { KNOWN_CONNECTOR_PACKAGES } from '../known-connector-packages';
import { renderTable } from '../output/render-table';
import { reportFormatOf } from '../output/report-format';

/** `evidencekit detect [directory]`: repository + environment variable names → suggested config. */
export const detectCommand: Command = {
  name: 'detect',
  usage: 'detect [directory] [flags]',
  summary: 'Recognize providers in a repository and the environment, and suggest a configuration',
  options: {
    ...configOptions,
    format: reportOptions.format,
    json: reportOptions.json,
    'max-files': { type: 'string' },
  },
  optionHelp: [
    '    --max-files <n>          stop listing files after n (default 5000)',
    ...configOptionHelp,
    '-f, --format <format>        text (default: detections and a suggested YAML configuration) or json',
    '    --json                   same as --format json',
  ],
  async run(session, args) {
    const format = reportFormatOf(args, ['text', 'json']);
    if (args.positionals.length > 1) {
      throw usageError(
        `Unexpected argument "${args.positionals[1]}". Usage: evidencekit detect [directory]`,
      );
    }
    const directory = path.resolve(session.io.cwd, args.positionals[0] ?? '.');
    const maxFiles = positiveIntegerFlag(args, 'max-files');
    // A mistyped folder would otherwise scan nothing and report "nothing recognized" with 0.
    await requireDirectory(directory);

    // Known packages that are installed, plus those the configuration uses.
    const sources = new Map<string, string>(KNOWN_CONNECTOR_PACKAGES.map((name) => [name, name]));
    const loaded = await loadCommandConfig(session, args, false);
    for (const entry of Object.values(loaded?.config.connectors ?? {}))
      sources.set(entry.use, entry.use);
    const connectors: AnyConnectorV1[] = [];
    const packageOf = new Map<string, string>();
    const missing: string[] = [];
    for (const use of sources.keys()) {
      try {
        const connector = await loadConnectorModule(use, {
          baseDirectory: loaded?.directory ?? session.io.cwd,
          fieldPath: use,
        });
        if (packageOf.has(connector.metadata.id)) continue;
        connectors.push(connector);
        packageOf.set(connector.metadata.id, use);
      } catch (error) {
        if (!ConfigurationError.isInstance(error)) throw error;
        missing.push(use);
      }
    }

    const result = await detectConnectors({
      connectors,
      directory,
      environmentVariableNames: Object.keys(session.io.env).filter(
        (name) => session.io.env[name] !== undefined,
      ),
      ...(maxFiles === undefined ? {} : { maxFiles }),
    });
    const suggestedConfig =
      result.detections.length === 0
        ? null
        : suggestConfig(result.detections, packageOf, path.basename(directory));

    if (format === 'json') {
      session.out(
        `${JSON.stringify({ detections: result.detections, suggestedConfig, scannedFiles: result.scannedFiles, truncated: result.truncated, notInstalled: missing, failures: result.failures }, null, 2)}\n`,
      );
      return EXIT_CODES.ok;
    }
    for (const use of missing)
      session.err(`note: ${use} is not installed, so it was not asked (npm install ${use})\n`);
    for (const failure of result.failures)
      session.err(`warning: ${failure.connector} detection failed: ${failure.message}\n`);
    if (result.truncated)
      session.err(
        `note: stopped after ${result.scannedFiles} files; pass --max-files to see more\n`,
      );
    if (result.detections.length === 0) {
      session.out(`No known provider recognized in ${directory} (${result.scannedFiles} files).\n`);
      return EXIT_CODES.ok;
    }
    const table = renderTable(
      ['CONNECTOR', 'CONFIDENCE', 'WHY'],
      result.detections.map((detection) => [
        detection.connector,
        `${Math.round(detection.confidence * 100)}%`,
        detection.evidence.join('; '),
      ]),
    );
    session.out(
      `${table}\n\n# Suggested evidencekit.config.yaml\n${stringifyYaml(suggestedConfig)}`,
    );
    return EXIT_CODES.ok;
  },
};

function suggestConfig(
  detections: readonly ConnectorDetection[],
  packageOf: ReadonlyMap<string, string>,
  serviceName: string,
): EvidencekitConfig {
  const connectors: Record<string, { use: string; settings: Record<string, JsonValue> }> = {};
  for (const detection of detections) {
    connectors[detection.connector] = {
      use: detection.packageName ?? packageOf.get(detection.connector) ?? detection.connector,
      settings: detection.suggestedConfig ?? {},
    };
  }
  return {
    workspaceId: 'my-workspace',
    connectors,
    services: [
      {
        name: serviceName || 'my-service',
        environments: ['production'],
        targets: detections.map((detection) => ({
          connector: detection.connector,
          selector: detection.suggestedSelector ?? {},
        })),
      },
    ],
  };
}

async function requireDirectory(directory: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(directory)).isDirectory();
  } catch (error) {
    throw noInputError(
      `Cannot read ${directory}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
      error,
    );
  }
  if (!isDirectory) throw noInputError(`${directory} is not a folder; detect scans a folder.`);
}
