const marker = Symbol.for('evidencekit.testing.unhandled-provider-request');

/**
 * A request no mock handler answered. The mock server answers it with a network error (so it
 * never reaches the real provider) and reports it, so the test fails with the method and URL.
 */
export class UnhandledProviderRequestError extends Error {
  readonly [marker] = true;
  /** The requests no handler answered, as `METHOD URL`. */
  readonly requests: readonly string[];

  constructor(requests: readonly string[]) {
    super(
      `${requests.length} request(s) reached no mock handler; add a route for each:\n${requests
        .map((request) => `  ${request}`)
        .join('\n')}`,
    );
    this.name = 'UnhandledProviderRequestError';
    this.requests = requests;
  }

  /** True for this error, from any copy of this package. */
  static isInstance(error: unknown): error is UnhandledProviderRequestError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
