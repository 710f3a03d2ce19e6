import { once } from 'node:events';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DestinationRefusedError } from '../../../src/errors/destination-refused-error';
import type { DestinationPolicy } from '../../../src/runtime/http/destination-policy';
import { createGuardedLookup } from '../../../src/runtime/http/guarded-lookup';
import { resolverFromTable as resolverFrom } from '../support/resolver-from-table';

describe('createGuardedLookup (connection-time vetting for sockets)', () => {
  const lookupOnce = (
    policy: DestinationPolicy,
    hostname: string,
    options: { all?: boolean; family?: number },
  ) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
      (resolve) => {
        createGuardedLookup(policy)(hostname, options, (error, address, family) =>
          resolve({ error, address, ...(family === undefined ? {} : { family }) }),
        );
      },
    );
  const resolveHost = resolverFrom({
    'status.acme.example': ['93.184.215.14', '2606:4700::1111'],
    'mixed.acme.example': ['93.184.215.14', '192.168.0.7'],
  });

  it('hands the socket only vetted addresses, by family or all', async () => {
    await expect(lookupOnce({ resolveHost }, 'status.acme.example', {})).resolves.toEqual({
      error: null,
      address: '93.184.215.14',
      family: 4,
    });
    await expect(
      lookupOnce({ resolveHost }, 'status.acme.example', { family: 6 }),
    ).resolves.toMatchObject({ address: '2606:4700::1111', family: 6 });
    await expect(
      lookupOnce({ resolveHost }, 'status.acme.example', { all: true }),
    ).resolves.toMatchObject({
      address: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    });
  });

  it('fails the connection when any address is disallowed', async () => {
    const result = await lookupOnce({ resolveHost }, 'mixed.acme.example', { all: true });
    expect(result.error?.code).toBe('EDESTINATIONREFUSED');
    expect(DestinationRefusedError.isInstance(result.error?.cause)).toBe(true);
    expect(result.error?.cause).toMatchObject({ address: { address: '192.168.0.7' } });
    expect(result.address).toEqual([]);
  });

  it('fails like an unknown name when the name does not resolve', async () => {
    const result = await lookupOnce({ resolveHost }, 'nowhere.acme.example', {});
    expect(result.error?.code).toBe('ENOTFOUND');
    expect(result.address).toBe('');
  });

  it("accepts Node's named families", async () => {
    await expect(
      lookupOnce({ resolveHost }, 'status.acme.example', { family: 'IPv6' } as never),
    ).resolves.toMatchObject({ address: '2606:4700::1111', family: 6 });
  });

  it('pins a real socket to the vetted address, and refuses it when the class is not allowed', async () => {
    const server = createServer((_request, response) => response.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const resolveToLoopback = resolverFrom({ 'service.internal.test': ['127.0.0.1'] });
    const fetchThrough = (policy: DestinationPolicy) =>
      new Promise<string>((resolve, reject) => {
        // A fresh connection each time (`agent: false`): lookup runs per connection, which is
        // why a runtime needs a dedicated agent per destination policy.
        const options = {
          host: 'service.internal.test',
          port,
          agent: false,
          lookup: createGuardedLookup(policy),
        };
        get(options, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          response.on('end', () => resolve(body));
        }).on('error', reject);
      });
    try {
      await expect(
        fetchThrough({ resolveHost: resolveToLoopback, allowAddressClasses: ['loopback'] }),
      ).resolves.toBe('ok');
      await expect(fetchThrough({ resolveHost: resolveToLoopback })).rejects.toMatchObject({
        code: 'EDESTINATIONREFUSED',
      });
    } finally {
      server.close();
    }
  });
});
