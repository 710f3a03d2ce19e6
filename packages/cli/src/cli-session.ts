import {
  createRedactor,
  createRuntime,
  createSecretResolver,
  type Redactor,
  type Runtime,
  type SecretResolver,
} from '@evidencekit/core';
import type { CliIo } from './cli-io';

/**
 * One run of the CLI: its streams, and the redactor every line passes through before it is
 * written, so a secret resolved anywhere in the run never reaches stdout or stderr.
 */
export interface CliSession {
  readonly io: CliIo;
  readonly redactor: Redactor;
  /** Resolves `env:` (from the CLI's environment plus inline secrets) and `file:` references. */
  readonly secrets: SecretResolver;
  /** Writes to stdout, redacted. */
  out(text: string): void;
  /** Writes to stderr, redacted. */
  err(text: string): void;
  /** Makes inline secrets resolvable under their private variable names and redacts them. */
  addInlineSecrets(secrets: Readonly<Record<string, string>>): void;
  /** A runtime for connectors, sharing the session's redactor and secrets. Close it after use. */
  createRuntime(): Runtime;
}

/** Creates the session for one CLI invocation. */
export function createCliSession(io: CliIo): CliSession {
  const redactor = createRedactor();
  const environment: Record<string, string | undefined> = { ...io.env };
  const secrets = createSecretResolver({ redactor, environment });
  return {
    io,
    redactor,
    secrets,
    out: (text) => {
      io.stdout.write(redactor.redactText(text));
    },
    err: (text) => {
      io.stderr.write(redactor.redactText(text));
    },
    addInlineSecrets(inline) {
      for (const [name, value] of Object.entries(inline)) {
        redactor.register(value);
        environment[name] = value;
      }
    },
    createRuntime: () => createRuntime({ redactor, secrets }),
  };
}
