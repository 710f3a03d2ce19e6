import type { FactReasonCode } from '../evidence/fact-reason';

const baseMarker = Symbol.for('evidencekit.error');

/**
 * Base class of every error Evidencekit throws.
 *
 * `instanceof` fails when two copies of `@evidencekit/core` are installed (a host and a
 * connector resolving different versions), so every class carries a `Symbol.for` marker and a
 * static `isInstance` that checks it instead.
 */
export class EvidencekitError extends Error {
  readonly [baseMarker] = true;

  /** Stable, machine-readable error code, e.g. `configuration_error`. */
  readonly code: string;

  /**
   * The fact reason this error maps to when it happens while collecting evidence, so the
   * engine can turn it into an `unavailable` fact without guessing.
   */
  readonly reason: FactReasonCode;

  constructor(options: {
    name: string;
    code: string;
    message: string;
    reason: FactReasonCode;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name;
    this.code = options.code;
    this.reason = options.reason;
  }

  /** True for any Evidencekit error, from any copy of this package. */
  static isInstance(error: unknown): error is EvidencekitError {
    return hasMarker(error, baseMarker);
  }
}

/** Checks a `Symbol.for` marker without relying on `instanceof`. */
export function hasMarker(error: unknown, marker: symbol): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    marker in error &&
    (error as Record<symbol, unknown>)[marker] === true
  );
}
