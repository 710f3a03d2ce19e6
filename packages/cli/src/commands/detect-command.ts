import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type AnyConnectorV1,
  ConfigurationError,
  type ConnectorDetection,
  detectConnectors,
  type JsonValue,
} from '@evidencekit/core';
import { Document } from 'yaml';
import type { Command } from '../command';
import {
  configOptionHelp,
  configOptions,
  integerFlag,
  MAX_FILES_RANGE,
  reportOptions,
} from '../command-flags';
import type { EvidencekitConfig } from '../config/config-schema';
import { findInlineSecrets } from '../config/find-inline-secrets';
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
    const maxFiles = integerFlag(args, 'max-files', MAX_FILES_RANGE);
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
        : suggestConfig(result.detections, packageOf, path.basename(directory), connectors);

    if (format === 'json') {
      // Detections pass through redaction; the suggestion is written as it is (see below).
      const report = {
        detections: session.redactor.redactValue(result.detections),
        suggestedConfig,
        scannedFiles: result.scannedFiles,
        truncated: result.truncated,
        notInstalled: missing,
        failures: session.redactor.redactValue(result.failures),
      };
      session.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
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
    session.out(`${table}\n\n`);
    // Written as it is, not through value redaction: the suggestion holds secret references
    // (`env:GITHUB_TOKEN`), which are not secrets, and redaction would turn them into
    // `[REDACTED]`, which YAML reads as an array. `suggestConfig` keeps credential fields to
    // references, and detection never reads a variable's value.
    session.io.stdout.write(renderSuggestion(suggestedConfig, connectors));
    return EXIT_CODES.ok;
  },
};

function suggestConfig(
  detections: readonly ConnectorDetection[],
  packageOf: ReadonlyMap<string, string>,
  serviceName: string,
  connectors: readonly AnyConnectorV1[],
): EvidencekitConfig {
  const entries: Record<string, { use: string; settings: Record<string, JsonValue> }> = {};
  const required: Array<{ connector: string; fact: string }> = [];
  for (const detection of detections) {
    const settings = { ...(detection.suggestedConfig ?? {}) };
    // Never print a credential a connector suggested as a value: only references.
    for (const secret of findInlineSecrets(settings, '')) {
      replaceAt(settings, secret.keys, 'env:SET_ME');
    }
    entries[detection.connector] = {
      use: detection.packageName ?? packageOf.get(detection.connector) ?? detection.connector,
      settings,
    };
    const firstFact = connectors.find((each) => each.metadata.id === detection.connector)?.metadata
      .facts[0]?.name;
    if (firstFact !== undefined) required.push({ connector: detection.connector, fact: firstFact });
  }
  return {
    workspaceId: 'my-workspace',
    connectors: entries,
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
    ...(required.length === 0 ? {} : { policy: { environments: { '*': { required } } } }),
  };
}

/**
 * The suggestion as YAML with comments: what each part is and, from each connector's own
 * settings schema, what is still to fill in.
 */
function renderSuggestion(
  config: EvidencekitConfig | null,
  connectors: readonly AnyConnectorV1[],
): string {
  if (config === null) return '';
  const document = new Document(config);
  const todo: string[] = [];
  for (const [instanceId, entry] of Object.entries(config.connectors)) {
    const connector = connectors.find((each) => each.metadata.id === instanceId);
    const parsed = connector?.configSchema.safeParse(entry.settings ?? {});
    for (const issue of parsed?.success === false ? parsed.error.issues : []) {
      const where = [`connectors.${instanceId}.settings`, ...issue.path.map(String)].join('.');
      todo.push(` - ${where}: ${issue.message}`);
    }
  }
  document.commentBefore = [
    ' Suggested evidencekit.config.yaml, from `evidencekit detect`.',
    ' Fill in: workspaceId (your workspace or team), the service name and its environments,',
    ' and the policy: the starter policy requires one fact per connector; add the facts your',
    ' release depends on (`evidencekit schema policy`). Secrets are references (env:NAME,',
    ' file:PATH): set the variables they name. `evidencekit check` tests the result.',
    ...(todo.length === 0 ? [] : [' Still to fill in, as the connectors validate them:', ...todo]),
  ].join('\n');
  return `# Suggested evidencekit.config.yaml\n${document.toString()}`;
}

function replaceAt(root: unknown, keys: readonly (string | number)[], value: string): void {
  let current = root as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  const last = keys.at(-1);
  if (last !== undefined) current[last] = value;
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
