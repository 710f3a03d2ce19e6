import { sha256Hex } from '../cache/cache-key';
import type { DestinationPolicy } from './destination-policy';

/** How one client's connections are made: the CAs it trusts and where it may connect. */
export interface ConnectionSettings {
  /** PEM certificates trusted instead of Node's default CA store. */
  ca?: readonly string[];
  /** Vets every destination and pins each new connection to a vetted address. */
  destinationPolicy?: DestinationPolicy;
}

/**
 * A hash of what makes connections differ (the trusted CAs, the allowed address classes and
 * schemes), or undefined when the client uses the defaults. Keys the runtime's pools and cache
 * entries, so a client never reuses a connection or an answer obtained under other trust or
 * another policy. The resolver is not hashed (functions have no stable identity across
 * processes); the pools tell resolvers apart themselves.
 */
export function connectionFingerprint(settings: ConnectionSettings): string | undefined {
  const { ca, destinationPolicy: policy } = settings;
  if ((ca === undefined || ca.length === 0) && policy === undefined) return undefined;
  const parts = [`ca ${ca === undefined ? 0 : ca.length}`, ...(ca ?? []).map(sha256Hex)];
  if (policy !== undefined) {
    const classes = [...new Set(policy.allowAddressClasses ?? [])].sort().join(',');
    parts.push(`policy ${classes} insecure-http=${policy.allowInsecureHttp === true}`);
  }
  return sha256Hex(parts.join('\n'));
}
