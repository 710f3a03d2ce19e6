import { EvidencekitError } from '@evidencekit/core';

const marker = Symbol.for('evidencekit.error.cli.input_limit');

/** Which limit a file broke. */
export type InputLimitKind = 'bytes' | 'depth';

/**
 * A file the CLI reads is larger than its byte limit, or its JSON nests deeper than its depth
 * limit. Raised before the file is parsed, so no input can exhaust memory or the stack; the
 * caller turns it into a data (65) or configuration (78) error.
 */
export class InputLimitError extends EvidencekitError {
  readonly [marker] = true;
  readonly limit: InputLimitKind;
  /** The limit's value: bytes or levels. */
  readonly maximum: number;

  constructor(options: { limit: InputLimitKind; maximum: number; message: string }) {
    super({
      name: 'InputLimitError',
      code: `input_too_${options.limit === 'bytes' ? 'large' : 'deep'}`,
      reason: 'invalid_response',
      message: options.message,
    });
    this.limit = options.limit;
    this.maximum = options.maximum;
  }

  static override isInstance(error: unknown): error is InputLimitError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
