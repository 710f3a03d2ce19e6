import {
  type ConfiguredConnector,
  configureConnector,
  ingestEvidence,
  releaseSchema,
} from '@evidencekit/core';
import type { Command } from '../command';
import {
  configOptionHelp,
  configOptions,
  integerFlag,
  reportOptionHelp,
  reportOptions,
  requirePositionals,
  stringFlag,
  TIMEOUT_MS_RANGE,
} from '../command-flags';
import { configureConnectors } from '../config/configure-connectors';
import { loadCommandConfig } from '../config/load-command-config';
import type { LoadedConfig } from '../config/load-config';
import { loadConnectorModule } from '../config/load-connector-module';
import { usageError } from '../errors/usage-error';
import { EXIT_CODES } from '../exit-codes';
import { DATA_FILE_LIMITS } from '../input/input-limits';
import { parseJsonOrThrow, readInputText } from '../input/read-input-file';
import { REPORT_FORMATS, reportFormatOf } from '../output/report-format';
import { writeReport } from '../output/write-report';

/** `evidencekit ingest <connector> <file>`: an uploaded report → an evidence record. */
export const ingestCommand: Command = {
  name: 'ingest',
  usage: 'ingest <connector> <file> [flags]',
  summary: 'Turn a report file (e.g. a Trivy JSON report) into an evidence record',
  options: {
    ...configOptions,
    ...reportOptions,
    workspace: { type: 'string' },
    service: { type: 'string' },
    environment: { type: 'string' },
    'release-version': { type: 'string' },
    commit: { type: 'string' },
    'artifact-digest': { type: 'string' },
    'timeout-ms': { type: 'string' },
  },
  optionHelp: [
    '  <connector>                  a configured instance id, or a connector package (trivy = @evidencekit/trivy)',
    "    --workspace <id>         the workspace (default: the configuration's workspaceId)",
    '    --service <name>         the service (default: the only configured service)',
    '    --environment <name>     the environment (default: the only configured environment)',
    '    --release-version <v>, --commit <sha>, --artifact-digest <sha256:hex>   the release',
    '    --timeout-ms <ms>        deadline of the ingestion (default 30000)',
    ...configOptionHelp,
    ...reportOptionHelp,
  ],
  async run(session, args) {
    const format = reportFormatOf(args, REPORT_FORMATS);
    const [connectorName = '', file = ''] = requirePositionals(
      args,
      ['connector', 'file'],
      ingestCommand.usage,
    );
    const loaded = await loadCommandConfig(session, args, false);
    const configured = await resolveIngestConnector(connectorName, loaded, session.io.cwd);

    const onlyService =
      loaded?.config.services.length === 1 ? loaded.config.services[0] : undefined;
    const workspaceId = stringFlag(args, 'workspace') ?? loaded?.config.workspaceId;
    const service = stringFlag(args, 'service') ?? onlyService?.name;
    const environment =
      stringFlag(args, 'environment') ??
      (onlyService?.environments.length === 1 ? onlyService.environments[0] : undefined);
    for (const [flag, value] of [
      ['--workspace', workspaceId],
      ['--service', service],
      ['--environment', environment],
    ] as const) {
      if (value === undefined)
        throw usageError(`${flag} is required: the configuration does not name a single one.`);
    }
    const release = releaseSchema.safeParse({
      ...onlyService?.release,
      ...(stringFlag(args, 'release-version') === undefined
        ? {}
        : { version: stringFlag(args, 'release-version') }),
      ...(stringFlag(args, 'commit') === undefined ? {} : { commit: stringFlag(args, 'commit') }),
      ...(stringFlag(args, 'artifact-digest') === undefined
        ? {}
        : { artifactDigest: stringFlag(args, 'artifact-digest') }),
    });
    if (!release.success)
      throw usageError(`Release flags: ${release.error.issues[0]?.message ?? 'invalid'}.`);

    // Bounded before the connector sees it: the size from stat, the read with a cap, and the
    // nesting depth by a linear scan, so no report can exhaust memory or the stack.
    const text = await readInputText(session.io.cwd, file, DATA_FILE_LIMITS);
    const payload = parsePayload(text, file);
    const runtime = session.createRuntime();
    const timeoutMs = integerFlag(args, 'timeout-ms', TIMEOUT_MS_RANGE);
    try {
      const record = await ingestEvidence(configured, {
        scope: {
          workspaceId: workspaceId ?? '',
          service: service ?? '',
          environment: environment ?? '',
          ...(Object.keys(release.data).length === 0 ? {} : { release: release.data }),
        },
        payload,
        runtime,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
      await writeReport(session, args, format, { records: [record] });
    } finally {
      await runtime.close();
    }
    return EXIT_CODES.ok;
  },
};

async function resolveIngestConnector(
  name: string,
  loaded: LoadedConfig | undefined,
  cwd: string,
): Promise<ConfiguredConnector> {
  if (loaded !== undefined && name in loaded.config.connectors) {
    const configured = (await configureConnectors(loaded, new Set([name]))).get(name);
    if (configured !== undefined) return configured;
  }
  // A bare provider name means the official package; anything else is a package or a path.
  const use = /^[a-z][a-z0-9-]*$/.test(name) ? `@evidencekit/${name}` : name;
  const connector = await loadConnectorModule(use, {
    baseDirectory: loaded?.directory ?? cwd,
    fieldPath: '<connector>',
  });
  return configureConnector(connector, {}, { instanceId: connector.metadata.id });
}

/** JSON when the file is JSON (within the depth limit), else the text for the connector. */
function parsePayload(text: string, file: string): unknown {
  const parsed = parseJsonOrThrow(text, file, DATA_FILE_LIMITS);
  return parsed.ok ? parsed.value : text;
}
