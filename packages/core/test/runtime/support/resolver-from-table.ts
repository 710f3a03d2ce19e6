import type { HostResolver } from '../../../src/runtime/http/host-resolver';

/** A resolver answering from a table; unknown names fail like NXDOMAIN (`ENOTFOUND`). */
export function resolverFromTable(table: Record<string, string[]>): HostResolver {
  return async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}
