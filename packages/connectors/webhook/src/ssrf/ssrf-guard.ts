import type { LookupAddress, LookupOptions } from 'node:dns';
import { ApiCallError } from '@evidencekit/core';
import { type AddressClass, type AddressClassification, classifyAddress } from './address-class';
import { DestinationRefusedError } from './destination-refused-error';
import type { HostResolver, ResolvedAddress } from './host-resolver';

/** Non-public address classes a host may allow explicitly (e.g. for an in-cluster endpoint). */
export const ALLOWABLE_ADDRESS_CLASSES = [
  'private',
  'loopback',
  'link-local',
  'shared-address-space',
] as const satisfies readonly AddressClass[];

/** An address class a host may allow; metadata, unspecified, multicast and reserved never. */
export type AllowableAddressClass = (typeof ALLOWABLE_ADDRESS_CLASSES)[number];

/** What the guard lets through. */
export interface DestinationPolicy {
  /** Non-public classes to allow. Default none: public addresses only. */
  allowAddressClasses?: readonly AllowableAddressClass[];
  /** Allows plain `http:` URLs. Default false: `https:` only. */
  allowInsecureHttp?: boolean;
  /** Resolves hostnames; every address must be allowed. */
  resolveHost: HostResolver;
}

/** A host whose every address the policy allows. Connect to these addresses only. */
export interface VettedHost {
  hostname: string;
  addresses: readonly ResolvedAddress[];
}

/** True when the policy allows an address of this class. */
export function isAddressClassAllowed(
  addressClass: AddressClass,
  policy: Pick<DestinationPolicy, 'allowAddressClasses'>,
): boolean {
  if (addressClass === 'public') return true;
  return (policy.allowAddressClasses ?? []).some((allowed) => allowed === addressClass);
}

/**
 * Vets a hostname (or IP literal) AFTER DNS resolution: resolves every address and refuses the
 * host when ANY of them is not allowed, so a name with one public and one private address
 * cannot be used to reach the private one. Returns the vetted addresses; the connection must be
 * made to one of them (see `createGuardedLookup`) so a second resolution cannot swap it.
 *
 * @throws DestinationRefusedError naming the host, the address and its class.
 * @throws ApiCallError (`transient`) when the name does not resolve.
 */
export async function vetHost(hostname: string, policy: DestinationPolicy): Promise<VettedHost> {
  const bare =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const literal = classifyAddress(bare);
  if (literal !== undefined) {
    refuseUnlessAllowed(hostname, literal, policy);
    return { hostname, addresses: [{ address: bare, family: bare.includes(':') ? 6 : 4 }] };
  }
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await policy.resolveHost(bare);
  } catch (error) {
    throw unresolvable(hostname, describeCode(error), error);
  }
  if (addresses.length === 0) throw unresolvable(hostname, 'no addresses');
  for (const resolved of addresses) {
    // A resolver answer that is not an address at all is refused like a disallowed one.
    const classification = classifyAddress(resolved.address) ?? {
      address: resolved.address,
      addressClass: 'reserved' as const,
      range: 'not an IP address',
    };
    refuseUnlessAllowed(hostname, classification, policy);
  }
  return { hostname, addresses };
}

/**
 * Vets a URL: the scheme (`https:`, or `http:` when allowed) and then its host as `vetHost`
 * does. Userinfo in the URL is refused too: credentials belong in settings, not in URLs.
 */
export async function vetUrl(url: URL, policy: DestinationPolicy): Promise<VettedHost> {
  const schemes = policy.allowInsecureHttp === true ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    throw new DestinationRefusedError({
      kind: 'scheme',
      hostname: url.hostname,
      message: `${url.protocol.replace(':', '')} URLs are refused: ${
        policy.allowInsecureHttp === true
          ? 'use http or https'
          : 'use https (or allow plain http explicitly)'
      }.`,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new DestinationRefusedError({
      kind: 'scheme',
      hostname: url.hostname,
      message: 'URLs with credentials in them are refused; configure a token instead.',
    });
  }
  return vetHost(url.hostname, policy);
}

/**
 * Vets where a redirect leads, as if it were a new URL: the scheme may not drop to `http:`
 * unless allowed, and the new host is resolved and vetted again. For a runtime that follows
 * redirects itself: call this for every `Location` before following it.
 *
 * @param from - The URL that answered with the redirect.
 * @param location - The `Location` header, absolute or relative to `from`.
 */
export async function vetRedirectTarget(
  from: URL,
  location: string,
  policy: DestinationPolicy,
): Promise<{ url: URL; host: VettedHost }> {
  const url = new URL(location, from);
  return { url, host: await vetUrl(url, policy) };
}

/** The `lookup` option of `net.connect` / `tls.connect` (and undici's `connect` options). */
export type GuardedLookup = (
  hostname: string,
  options: LookupOptions,
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
) => void;

/**
 * A `lookup` function for sockets that vets at connection time: it resolves, refuses when any
 * address is disallowed, and hands the socket only vetted addresses. Because the socket dials
 * exactly what was vetted, DNS rebinding cannot swap the address between check and connect.
 *
 * For a runtime: give it to a dedicated undici `Agent`/`Pool` as `connect: { lookup }`. Node
 * does not call `lookup` for IP literals, so also vet the URL with `vetUrl` before the request.
 */
export function createGuardedLookup(policy: DestinationPolicy): GuardedLookup {
  return (hostname, options, callback) => {
    vetHost(hostname, policy).then(
      (vetted) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = vetted.addresses.filter(
          (entry) => family === undefined || entry.family === family,
        );
        const first = usable[0];
        if (first === undefined) {
          callback(lookupError(hostname, 'ENOTFOUND'), options.all === true ? [] : '', undefined);
        } else if (options.all === true) {
          callback(
            null,
            usable.map((entry) => ({ address: entry.address, family: entry.family })),
          );
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => {
        const failure = Object.assign(error instanceof Error ? error : new Error(String(error)), {
          code: DestinationRefusedError.isInstance(error) ? 'EDESTINATIONREFUSED' : 'ENOTFOUND',
        }) as NodeJS.ErrnoException;
        callback(failure, options.all === true ? [] : '', undefined);
      },
    );
  };
}

function refuseUnlessAllowed(
  hostname: string,
  classification: AddressClassification,
  policy: DestinationPolicy,
): void {
  if (isAddressClassAllowed(classification.addressClass, policy)) return;
  const resolvedFrom =
    classification.address === hostname || `[${classification.address}]` === hostname
      ? `${hostname} is`
      : `${hostname} resolves to ${classification.address},`;
  throw new DestinationRefusedError({
    kind: 'address',
    hostname,
    address: { address: classification.address, addressClass: classification.addressClass },
    message: `${resolvedFrom} a ${classification.addressClass} address (${classification.range}); ${
      (ALLOWABLE_ADDRESS_CLASSES as readonly string[]).includes(classification.addressClass)
        ? `refused unless "${classification.addressClass}" is allowed explicitly`
        : 'always refused'
    }.`,
  });
}

function unresolvable(hostname: string, why: string, cause?: unknown): ApiCallError {
  return new ApiCallError({
    message: `${hostname} could not be resolved (${why}).`,
    reason: 'transient',
    isRetryable: true,
    url: hostname,
    method: 'LOOKUP',
    ...(cause === undefined ? {} : { cause }),
  });
}

function describeCode(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : 'lookup failed';
}

function lookupError(hostname: string, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${hostname}: no vetted address of the requested family`), {
    code,
  });
}
