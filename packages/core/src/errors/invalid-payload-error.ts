import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.invalid-payload');

/** Which limit an uploaded payload broke. */
export type PayloadLimit = 'maxPayloadBytes' | 'maxPayloadDepth';

/**
 * An uploaded payload given to `ingestEvidence` as text is larger, or nests deeper, than the
 * ingestion allows. It is refused before it is parsed; every fact of the record becomes
 * `unavailable: invalid_response` with this message.
 */
export class InvalidPayloadError extends EvidencekitError {
  readonly [marker] = true;
  /** The option whose limit was exceeded. */
  readonly limit: PayloadLimit;

  constructor(options: { message: string; limit: PayloadLimit }) {
    super({
      name: 'InvalidPayloadError',
      code: 'invalid_payload',
      message: options.message,
      reason: 'invalid_response',
    });
    this.limit = options.limit;
  }

  /** True for an `InvalidPayloadError` from any copy of this package. */
  static override isInstance(error: unknown): error is InvalidPayloadError {
    return hasMarker(error, marker);
  }
}
