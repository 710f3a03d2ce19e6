const marker = Symbol.for('evidencekit.secret-value');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const MASK = '[REDACTED]';

/**
 * A resolved secret. The value sits in a private field and leaves only through `reveal()`:
 * printing, string interpolation, `JSON.stringify`, `util.inspect` and structured logging all
 * see `[REDACTED]`. Pass `SecretValue`s around instead of strings so an accidental log line
 * cannot leak a credential.
 *
 * Check with `SecretValue.isInstance`, not `instanceof`: it works across duplicate copies of
 * `@evidencekit/core`.
 */
export class SecretValue {
  readonly [marker] = true;
  readonly #value: string;

  /** Where the value came from, e.g. `env:GITHUB_TOKEN`. Safe to print. */
  readonly reference: string;

  /**
   * @param value - The secret itself.
   * @param reference - Where it came from, e.g. `env:GITHUB_TOKEN`; printed in messages.
   */
  constructor(value: string, reference: string) {
    this.#value = value;
    this.reference = reference;
  }

  /** Returns the secret. The only way to read it: call it at the point of use, nowhere else. */
  reveal(): string {
    return this.#value;
  }

  /** Always `[REDACTED]`. */
  toString(): string {
    return MASK;
  }

  /** Always `[REDACTED]`, so `JSON.stringify` never writes the value. */
  toJSON(): string {
    return MASK;
  }

  /** Always `[REDACTED]`, for template literals and `+`. */
  [Symbol.toPrimitive](): string {
    return MASK;
  }

  /** What `util.inspect` and `console.log` print. */
  [inspectCustom](): string {
    return `SecretValue(${this.reference}) ${MASK}`;
  }

  /** True for a `SecretValue` from any copy of this package. */
  static isInstance(value: unknown): value is SecretValue {
    return (
      typeof value === 'object' &&
      value !== null &&
      marker in value &&
      (value as Record<symbol, unknown>)[marker] === true
    );
  }
}
