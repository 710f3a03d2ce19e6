const marker = Symbol.for('evidencekit.testing.unexpected-collect-result');

/**
 * `collectOne` got something other than one valid evidence record for its one target: no
 * record, several, or a record the evidence schema refuses. The message says which, and names
 * the schema issues' paths.
 */
export class UnexpectedCollectResultError extends Error {
  readonly [marker] = true;

  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedCollectResultError';
  }

  /** True for this error, from any copy of this package. */
  static isInstance(error: unknown): error is UnexpectedCollectResultError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
