import type { AddressClass } from '../runtime/http/address-class';
import { ApiCallError } from './api-call-error';
import { hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.destination-refused');

/** Why a destination was refused: its scheme (or userinfo), or an address its host resolves to. */
export type DestinationRefusalKind = 'scheme' | 'address';

/** Everything a `DestinationRefusedError` is built from. All values must already be redacted. */
export interface DestinationRefusedErrorOptions {
  kind: DestinationRefusalKind;
  /** The host that was refused, e.g. `status.acme.example` or `[::1]`. */
  hostname: string;
  message: string;
  /** The refused address and its class, when the refusal is about an address. */
  address?: { address: string; addressClass: AddressClass };
  /** The redacted URL of the request; defaults to the hostname when vetted without one. */
  url?: string;
  /** The request method; `CONNECT` when the refusal happened while opening a connection. */
  method?: string;
  cause?: unknown;
}

/**
 * A destination policy refused a URL before anything was sent to it: plain `http` where
 * `https` is required, credentials in the URL, or a host that is (or resolves to) a private,
 * loopback, link-local, metadata or otherwise non-public address the policy does not allow.
 * Never retried; the fact becomes `unavailable: config`, because only a configuration change
 * can fix it. An `ApiCallError`, so connectors that handle failed calls handle it too.
 */
export class DestinationRefusedError extends ApiCallError {
  readonly [marker] = true;
  readonly kind: DestinationRefusalKind;
  /** The host that was refused, e.g. `status.acme.example` or `[::1]`. */
  readonly hostname: string;
  /** The refused address and its class, when the refusal is about an address. */
  readonly address: { address: string; addressClass: AddressClass } | undefined;

  constructor(options: DestinationRefusedErrorOptions) {
    super({
      name: 'DestinationRefusedError',
      code: 'destination_refused',
      reason: 'config',
      isRetryable: false,
      message: options.message,
      url: options.url ?? options.hostname,
      method: options.method ?? 'CONNECT',
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.kind = options.kind;
    this.hostname = options.hostname;
    this.address = options.address;
  }

  /** The same refusal, attributed to a request (its redacted URL and method). */
  forRequest(request: { url: string; method: string }): DestinationRefusedError {
    return new DestinationRefusedError({
      kind: this.kind,
      hostname: this.hostname,
      message: this.message,
      ...(this.address === undefined ? {} : { address: this.address }),
      url: request.url,
      method: request.method,
    });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, hostname: this.hostname, address: this.address };
  }

  /** True for this error from any copy of the package. */
  static override isInstance(error: unknown): error is DestinationRefusedError {
    return hasMarker(error, marker);
  }
}
