import { EvidencekitError } from '@evidencekit/core';
import type { ExitCode } from '../exit-codes';

const marker = Symbol.for('evidencekit.error.cli');

/** Kinds of command-line failure, each with its own exit code. */
export type CliErrorKind = 'usage' | 'data' | 'no_input' | 'cannot_create';

/**
 * A failure of the command line itself rather than of a connector: a bad flag, an input file
 * that is missing or unreadable, an output file that cannot be written. Carries its exit code.
 */
export class CliError extends EvidencekitError {
  readonly [marker] = true;
  readonly kind: CliErrorKind;
  readonly exitCode: ExitCode;

  constructor(options: {
    kind: CliErrorKind;
    message: string;
    exitCode: ExitCode;
    cause?: unknown;
  }) {
    super({
      name: 'CliError',
      code: `cli_${options.kind}`,
      reason: 'config',
      message: options.message,
      cause: options.cause,
    });
    this.kind = options.kind;
    this.exitCode = options.exitCode;
  }

  static override isInstance(error: unknown): error is CliError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
