import path from 'node:path';
import type { ConnectorAnswers, ScaffoldMode } from './connector-answers';
import { CONNECTOR_FIELDS, type RawAnswers } from './connector-fields';
import { connectorNames } from './connector-names';
import type { ConnectorCategory, ConnectorMaturity, CredentialKind } from './connector-vocabulary';
import { CreateConnectorError } from './create-connector-error';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { HELP_TEXT } from './help-text';
import { parseCreateArguments } from './parse-create-arguments';
import { type AskQuestion, askField } from './prompt-answers';
import { renderConnector } from './render-connector';
import { changesetSource } from './templates/changeset-source';
import { bundledToolVersions, readToolVersions, type ToolVersions } from './tool-versions';
import { VERSION } from './version';
import { assertWorkspaceRoot, registerWorkspacePackage } from './workspace-repository';
import { writeConnector } from './write-connector';

/** Where the command reads and writes; the binary passes the process's own. */
export interface CreateConnectorIo {
  /** The folder relative paths are resolved against (and the repository root with `--workspace`). */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Asks a question; absent when there is no terminal, so nothing is asked. */
  ask?: AskQuestion;
  /** The versions to write; default: the ones this build was made with. */
  versions?: ToolVersions;
}

/**
 * The `create-connector` command: parses flags, asks for the rest, writes the package.
 * Returns the exit code (see `EXIT_CODES`); never throws for bad input.
 */
export async function runCreateConnector(
  argv: readonly string[],
  io: CreateConnectorIo,
): Promise<ExitCode> {
  try {
    const parsed = parseCreateArguments(argv);
    if (parsed.help) {
      io.stdout(HELP_TEXT);
      return EXIT_CODES.ok;
    }
    if (parsed.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT_CODES.ok;
    }
    const mode: ScaffoldMode = parsed.workspace ? 'workspace' : 'standalone';
    if (mode === 'workspace') {
      assertWorkspaceRoot(io.cwd);
      if (parsed.directory !== undefined) {
        throw new CreateConnectorError({
          code: 'invalid_input',
          field: 'dir',
          message:
            '--dir cannot be used with --workspace: repository connectors live in packages/connectors/<id>, where the shared configs expect them.',
        });
      }
    }
    const ask = parsed.yes ? undefined : io.ask;
    const answers = await resolveAnswers(parsed.answers, mode, ask, io.stderr);
    const versions =
      io.versions ??
      (mode === 'workspace' ? readToolVersions(io.cwd) : bundledToolVersions()) ??
      missingVersions();
    const directory =
      mode === 'workspace'
        ? path.join(io.cwd, 'packages', 'connectors', answers.id)
        : path.resolve(io.cwd, parsed.directory ?? answers.id);

    const files = renderConnector({ answers, mode, versions });
    writeConnector(directory, files);
    const written = files.map((file) => path.relative(io.cwd, path.join(directory, file.path)));
    if (mode === 'workspace') {
      written.push(
        ...registerWorkspacePackage(io.cwd, {
          packageDirectory: directory,
          packageName: answers.packageName,
          id: answers.id,
          changeset: changesetSource({
            answers,
            mode,
            versions,
            names: connectorNames(answers.id, answers.displayName),
          }),
        }),
      );
    }
    io.stdout(summary(answers, mode, path.relative(io.cwd, directory) || '.', written));
    return EXIT_CODES.ok;
  } catch (error) {
    if (CreateConnectorError.isInstance(error)) {
      io.stderr(`create-connector: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(
      `create-connector: ${error instanceof Error ? error.message : String(error)}; nothing more was written.\n`,
    );
    return EXIT_CODES.failed;
  }
}

function missingVersions(): never {
  // Only a run from sources outside the repository gets here: a build carries its versions.
  throw new Error(
    'this copy of create-connector was not built, so it knows no versions to write; use the published package or pass --workspace in the repository',
  );
}

async function resolveAnswers(
  given: RawAnswers,
  mode: ScaffoldMode,
  ask: AskQuestion | undefined,
  report: (text: string) => void,
): Promise<ConnectorAnswers> {
  const values: RawAnswers = {};
  for (const field of CONNECTOR_FIELDS) {
    const flag = given[field.name];
    if (field.name === 'package' && mode === 'workspace') {
      const packageName = `@evidencekit/${values.id ?? ''}`;
      if (flag !== undefined && flag.trim() !== packageName) {
        throw new CreateConnectorError({
          code: 'invalid_input',
          field: 'package',
          message: `--package "${flag.slice(0, 64)}" cannot be used with --workspace: repository connectors are published as ${packageName}.`,
        });
      }
      values.package = packageName;
      continue;
    }
    const defaultValue = field.defaultValue(values);
    if (flag !== undefined) {
      values[field.name] = field.validate(flag);
    } else if (ask !== undefined) {
      values[field.name] = await askField(field, defaultValue, ask, (message) =>
        report(`${message}\n`),
      );
    } else if (defaultValue !== undefined) {
      values[field.name] = field.validate(defaultValue);
    } else {
      throw new CreateConnectorError({
        code: 'invalid_input',
        field: field.name,
        message: `--${field.name} is required (the id can also be the first argument), e.g. \`npm create @evidencekit/connector acme-status\`.`,
      });
    }
  }
  // Every field was validated above, against the same lists these types come from.
  return {
    id: values.id ?? '',
    displayName: values.name ?? '',
    category: values.category as ConnectorCategory,
    maturity: values.maturity as ConnectorMaturity,
    credential: values.credential as CredentialKind,
    packageName: values.package ?? '',
  };
}

function summary(
  answers: ConnectorAnswers,
  mode: ScaffoldMode,
  directory: string,
  written: readonly string[],
): string {
  const next =
    mode === 'workspace'
      ? [
          'node scripts/with-toolchain.mjs pnpm install',
          `node scripts/with-toolchain.mjs pnpm biome check --write ${directory}`,
          `node scripts/with-toolchain.mjs pnpm vitest run --project ${answers.packageName}`,
          'node scripts/with-toolchain.mjs pnpm run generate:connectors',
          `node scripts/with-toolchain.mjs pnpm --filter ${answers.packageName} run build && node scripts/with-toolchain.mjs pnpm api:update`,
        ]
      : [`cd ${directory}`, 'npm install', 'npm test', 'npm run build'];
  return [
    `Wrote ${answers.packageName} (${answers.id}) in ${directory}:`,
    ...written.map((file) => `  ${file}`),
    '',
    'Next:',
    ...next.map((line) => `  ${line}`),
    '',
  ].join('\n');
}
