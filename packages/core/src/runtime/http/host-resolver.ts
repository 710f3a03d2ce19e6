import { lookup } from 'node:dns/promises';

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a hostname to every address it has. A `DestinationPolicy` takes one so tests (and
 * hosts with their own DNS) can supply the answers; the default is the operating system's.
 */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

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
