import { ApiCallError } from '../../errors/api-call-error';
import { DestinationRefusedError } from '../../errors/destination-refused-error';
import { type AddressClassification, classifyAddress } from './address-class';
import {
  ALLOWABLE_ADDRESS_CLASSES,
  type DestinationPolicy,
  isAddressClassAllowed,
} from './destination-policy';
import { type ResolvedAddress, systemHostResolver } from './host-resolver';

/** A host whose every address the policy allows. Connect to these addresses only. */
export interface VettedHost {
  hostname: string;
  addresses: readonly ResolvedAddress[];
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
    addresses = await (policy.resolveHost ?? systemHostResolver)(bare);
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
 *
 * @throws DestinationRefusedError when the scheme, userinfo or an address is refused.
 * @throws ApiCallError (`transient`) when the host does not resolve.
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
 * unless allowed, and the new host is resolved and vetted again. The runtime's HTTP client
 * does this for every `Location` of a client with a `destinationPolicy`.
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
    // As for a connection (classify-transport-error.ts): a name the resolver says does not
    // exist is not retried within the call; a resolver that failed for now is.
    isRetryable: why !== 'ENOTFOUND',
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
