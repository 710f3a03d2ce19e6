import type { AddressClass } from './address-class';
import type { HostResolver } from './host-resolver';

/** Non-public address classes a host may allow explicitly (e.g. for an in-cluster endpoint). */
export const ALLOWABLE_ADDRESS_CLASSES = [
  'private',
  'loopback',
  'link-local',
  'shared-address-space',
] as const satisfies readonly AddressClass[];

/** An address class a host may allow; metadata, unspecified, multicast and reserved never. */
export type AllowableAddressClass = (typeof ALLOWABLE_ADDRESS_CLASSES)[number];

/**
 * Where a client may send requests: for URLs that come from users (a health endpoint, a
 * webhook target) rather than from a fixed provider API. By default only `https:` URLs whose
 * host resolves to public addresses only.
 *
 * @example
 * ```ts
 * const client = runtime.http({
 *   baseUrl: settings.url,
 *   destinationPolicy: { allowAddressClasses: settings.allowAddressClasses },
 * });
 * ```
 */
export interface DestinationPolicy {
  /** Non-public classes to allow. Default none: public addresses only. */
  allowAddressClasses?: readonly AllowableAddressClass[];
  /** Allows plain `http:` URLs. Default false: `https:` only. */
  allowInsecureHttp?: boolean;
  /**
   * Resolves hostnames; every address must be allowed. Default: the runtime's
   * (`createRuntime({ resolveHost })`), else the operating system's resolver
   * (`systemHostResolver`). Tests and hosts with their own DNS pass one, usually to the runtime.
   */
  resolveHost?: HostResolver;
}

/** True when the policy allows an address of this class. */
export function isAddressClassAllowed(
  addressClass: AddressClass,
  policy: Pick<DestinationPolicy, 'allowAddressClasses'>,
): boolean {
  if (addressClass === 'public') return true;
  return (policy.allowAddressClasses ?? []).some((allowed) => allowed === addressClass);
}
