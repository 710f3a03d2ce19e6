import { lookup } from 'node:dns/promises';
import type { HostResolver, ResolvedAddress } from '../../contract/v1/http-client-v1';

export type { HostResolver, ResolvedAddress };

/**
 * Resolves with `dns.lookup(hostname, { all: true })`: the same resolver (hosts file, search
 * domains, system DNS) that a connection would use, so a policy vets what would be dialled.
 */
export const systemHostResolver: HostResolver = async (hostname) => {
  const addresses = await lookup(hostname, { all: true });
  return addresses.map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));
};
