import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.invalid-fact-catalog');

/**
 * A connector's settings-dependent catalog (`factsFor(config)`) threw or returned something
 * that is not a valid catalog: not a list, empty, a repeated name, a default threshold that
 * does not parse. It is a connector bug, so every fact of the target becomes
 * `unavailable: connector_error` with this message.
 */
export class InvalidFactCatalogError extends EvidencekitError {
  readonly [marker] = true;
  /** The connector whose catalog is invalid. */
  readonly connectorId: string;
  /** Each problem, e.g. `facts[2].name: "error_rate" appears twice`. */
  readonly problems: readonly string[];

  constructor(options: { connectorId: string; problems: readonly string[]; cause?: unknown }) {
    super({
      name: 'InvalidFactCatalogError',
      code: 'invalid_fact_catalog',
      reason: 'connector_error',
      message: `the fact catalog of ${options.connectorId} for these settings (factsFor) is invalid: ${options.problems.join('; ')}`,
      cause: options.cause,
    });
    this.connectorId = options.connectorId;
    this.problems = options.problems;
  }

  /** True for an `InvalidFactCatalogError` from any copy of this package. */
  static override isInstance(error: unknown): error is InvalidFactCatalogError {
    return hasMarker(error, marker);
  }
}
