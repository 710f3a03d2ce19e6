import { EXIT_CODES, type ExitCode } from './exit-codes';

const marker = Symbol.for('evidencekit.create-connector.error');

/** What went wrong, as a stable code. */
export type CreateConnectorErrorCode =
  /** A flag or answer is missing or has a value the scaffold does not accept. */
  | 'invalid_input'
  /** The target folder exists and is not empty, or cannot be written. */
  | 'target_exists'
  /** `--workspace` outside an Evidencekit repository checkout. */
  | 'not_a_workspace'
  /** The user closed the prompt (Ctrl-C, Ctrl-D). */
  | 'cancelled';

/**
 * The one error the scaffold throws on purpose: a sentence naming the field (or folder) and
 * what was expected, a stable `code`, and the process exit code it maps to.
 *
 * Like `@evidencekit/core`'s errors it carries a `Symbol.for` marker and a static
 * `isInstance`, so it is recognised across copies of the package.
 */
export class CreateConnectorError extends Error {
  readonly [marker] = true;

  /** Stable, machine-readable code. */
  readonly code: CreateConnectorErrorCode;

  /** The flag or answer the error is about, when there is one (`category`). */
  readonly field: string | undefined;

  constructor(options: {
    code: CreateConnectorErrorCode;
    message: string;
    field?: string;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CreateConnectorError';
    this.code = options.code;
    this.field = options.field;
  }

  /** The exit code of the `create-connector` command for this error. */
  get exitCode(): ExitCode {
    if (this.code === 'cancelled') return EXIT_CODES.cancelled;
    if (this.code === 'invalid_input') return EXIT_CODES.usage;
    return EXIT_CODES.failed;
  }

  /** True for a `CreateConnectorError` from any copy of this package. */
  static isInstance(error: unknown): error is CreateConnectorError {
    return (
      typeof error === 'object' &&
      error !== null &&
      marker in error &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
