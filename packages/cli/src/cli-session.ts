import path from 'node:path';
import {
  createRedactor,
  createRuntime,
  createSecretResolver,
  type Logger,
  type Redactor,
  type Runtime,
  type SecretResolver,
} from '@evidencekit/core';
import type { CliIo, CliOutputStream } from './cli-io';
import { type TerminalStyle, terminalStyle } from './output/terminal-style';

/** Switches every command shares: `--verbose`, `--no-color`. */
export interface CliSessionOptions {
  /** Runtime events and connector logs go to stderr, redacted. */
  verbose?: boolean;
  /** No colour, whatever the terminal and the environment say. */
  noColor?: boolean;
}

/**
 * One run of the CLI: its streams, and the redactor every line passes through before it is
 * written, so a secret resolved anywhere in the run never reaches stdout or stderr.
 */
export interface CliSession {
  readonly io: CliIo;
  readonly redactor: Redactor;
  /**
   * Resolves `env:` (from the CLI's environment plus inline secrets) and `file:` references;
   * a relative `file:` path resolves from the session's working directory.
   */
  readonly secrets: SecretResolver;
  /** Writes to stdout, redacted. */
  out(text: string): void;
  /** Writes to stderr, redacted. */
  err(text: string): void;
  /** Colours for a stream: only on a terminal, and never with `--no-color` or `NO_COLOR`. */
  style(stream: CliOutputStream): TerminalStyle;
  /** Makes inline secrets resolvable under their private variable names and redacts them. */
  addInlineSecrets(secrets: Readonly<Record<string, string>>): void;
  /** A runtime for connectors, sharing the session's redactor and secrets. Close it after use. */
  createRuntime(): Runtime;
}

/** Creates the session for one CLI invocation. */
export function createCliSession(io: CliIo, options: CliSessionOptions = {}): CliSession {
  const redactor = createRedactor();
  const environment: Record<string, string | undefined> = { ...io.env };
  const resolver = createSecretResolver({ redactor, environment });
  // Core resolves a relative `file:` from the process's directory; a host running the CLI
  // in-process with another `cwd` means that one, like every other path on the command line.
  const secrets: SecretResolver = {
    resolve: (reference, resolveOptions) =>
      resolver.resolve(
        typeof reference === 'string' ? fromWorkingDirectory(reference, io.cwd) : reference,
        resolveOptions,
      ),
    registerScheme: (scheme, schemeResolver) => resolver.registerScheme(scheme, schemeResolver),
  };
  const err = (text: string) => {
    io.stderr.write(redactor.redactText(text));
  };
  const logger = options.verbose === true ? createVerboseLogger(err) : undefined;
  return {
    io,
    redactor,
    secrets,
    out: (text) => {
      io.stdout.write(redactor.redactText(text));
    },
    err,
    style: (stream) => terminalStyle(stream, io.env, { noColor: options.noColor === true }),
    addInlineSecrets(inline) {
      for (const [name, value] of Object.entries(inline)) {
        redactor.register(value);
        environment[name] = value;
      }
    },
    createRuntime: () =>
      createRuntime({ redactor, secrets, ...(logger === undefined ? {} : { logger }) }),
  };
}

function fromWorkingDirectory(reference: string, cwd: string): string {
  if (!reference.startsWith('file:')) return reference;
  const filePath = reference.slice('file:'.length);
  return filePath === '' || path.isAbsolute(filePath)
    ? reference
    : `file:${path.resolve(cwd, filePath)}`;
}

/**
 * `--verbose`: one line per runtime event or connector log on stderr. Core redacts events and
 * connector logs before they reach a logger; `write` redacts the line once more.
 */
function createVerboseLogger(write: (text: string) => void): Logger {
  const line =
    (level: string) =>
    (object: Record<string, unknown>, message?: string): void => {
      const fields = Object.entries(object)
        .filter(([, value]) => value !== undefined)
        .map(
          ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
        )
        .join(' ');
      write(`evidencekit ${level}: ${message ?? ''}${fields === '' ? '' : ` ${fields}`}\n`);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
