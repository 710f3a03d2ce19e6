import { EvidencekitError } from '@evidencekit/core';
import type { AddressClass } from './address-class';

const marker = Symbol.for('evidencekit.error.destination-refused');

/** Why a destination was refused: its scheme, or an address its host resolves to. */
export type DestinationRefusalKind = 'scheme' | 'address';

/**
 * A URL the SSRF guard refused before any request was sent: plain `http` where `https` is
 * required, or a host that is (or resolves to) a private, loopback, link-local, metadata or
 * otherwise non-public address that the configuration does not allow. Never retried; the
 * fact becomes `unavailable: config`, because only a configuration change can fix it.
 */
export class DestinationRefusedError extends EvidencekitError {
  readonly [marker] = true;
  readonly kind: DestinationRefusalKind;
  /** The host that was refused, e.g. `status.acme.example` or `[::1]`. */
  readonly hostname: string;
  /** The refused address and its class, when the refusal is about an address. */
  readonly address: { address: string; addressClass: AddressClass } | undefined;

  constructor(options: {
    kind: DestinationRefusalKind;
    hostname: string;
    message: string;
    address?: { address: string; addressClass: AddressClass };
  }) {
    super({
      name: 'DestinationRefusedError',
      code: 'destination_refused',
      reason: 'config',
      message: options.message,
    });
    this.kind = options.kind;
    this.hostname = options.hostname;
    this.address = options.address;
  }

  /** True for this error from any copy of the package. */
  static override isInstance(error: unknown): error is DestinationRefusedError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
