import type { AllowableAddressClass, DestinationPolicy } from '../../contract/v1/http-client-v1';
import type { AddressClass } from './address-class';

/** Non-public address classes a host may allow explicitly (e.g. for an in-cluster endpoint). */
export const ALLOWABLE_ADDRESS_CLASSES = [
  'private',
  'loopback',
  'link-local',
  'shared-address-space',
] as const satisfies readonly AllowableAddressClass[];

// The types connectors see live in the contract; the runtime implements them.
export type { AllowableAddressClass, DestinationPolicy } from '../../contract/v1/http-client-v1';

/** True when the policy allows an address of this class. */
export function isAddressClassAllowed(
  addressClass: AddressClass,
  policy: Pick<DestinationPolicy, 'allowAddressClasses'>,
): boolean {
  if (addressClass === 'public') return true;
  return (policy.allowAddressClasses ?? []).some((allowed) => allowed === addressClass);
}
