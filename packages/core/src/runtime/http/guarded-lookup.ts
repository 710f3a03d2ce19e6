import type { LookupAddress, LookupOptions } from 'node:dns';
import { DestinationRefusedError } from '../../errors/destination-refused-error';
import type { DestinationPolicy } from './destination-policy';
import { vetHost } from './vet-destination';

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

/** The `code` of a connection refused by a guarded lookup; the refusal is its `cause`. */
export const DESTINATION_REFUSED_CODE = 'EDESTINATIONREFUSED';

/**
 * A `lookup` function for sockets that vets at connection time: it resolves, refuses when any
 * address is disallowed, and hands the socket only vetted addresses. Because the socket dials
 * exactly what was vetted, DNS rebinding cannot swap the address between check and connect.
 *
 * The runtime's HTTP client gives it to a dedicated pool per origin and policy when a client
 * has a `destinationPolicy`. Node does not call `lookup` for IP literals, and a reused
 * keep-alive connection skips it, so vet the URL with `vetUrl` before each request too.
 *
 * A refusal fails the connection with an error whose `code` is `EDESTINATIONREFUSED` and
 * whose `cause` is the `DestinationRefusedError`.
 */
export function createGuardedLookup(policy: DestinationPolicy): GuardedLookup {
  return (hostname, options, callback) => {
    const empty = options.all === true ? [] : '';
    vetHost(hostname, policy).then(
      (vetted) => {
        const family = requestedFamily(options.family);
        const usable = vetted.addresses.filter(
          (entry) => family === undefined || entry.family === family,
        );
        const first = usable[0];
        if (first === undefined) {
          callback(
            connectionError(`${hostname}: no vetted address of the requested family`, 'ENOTFOUND'),
            empty,
          );
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
        const refused = DestinationRefusedError.isInstance(error);
        callback(
          connectionError(
            error instanceof Error ? error.message : String(error),
            refused ? DESTINATION_REFUSED_CODE : 'ENOTFOUND',
            error,
          ),
          empty,
        );
      },
    );
  };
}

function requestedFamily(family: LookupOptions['family']): 4 | 6 | undefined {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return undefined;
}

// A new error rather than the refusal itself: sockets set fields on the errors they emit.
function connectionError(message: string, code: string, cause?: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
}
