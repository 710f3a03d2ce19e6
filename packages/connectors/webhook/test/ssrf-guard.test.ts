import { once } from 'node:events';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type AddressClass, classifyAddress } from '../src/ssrf/address-class';
import { DestinationRefusedError } from '../src/ssrf/destination-refused-error';
import type { HostResolver } from '../src/ssrf/host-resolver';
import {
  createGuardedLookup,
  type DestinationPolicy,
  vetHost,
  vetRedirectTarget,
  vetUrl,
} from '../src/ssrf/ssrf-guard';

const resolverFrom =
  (table: Record<string, string[]>): HostResolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const publicOnly: DestinationPolicy = { resolveHost: resolverFrom({}) };

describe('classifyAddress', () => {
  it.each<[string, AddressClass]>([
    // IPv4
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['172.15.255.255', 'public'],
    ['192.168.1.10', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'cloud-metadata'],
    ['168.63.129.16', 'cloud-metadata'],
    ['100.100.100.200', 'cloud-metadata'],
    ['100.64.0.1', 'shared-address-space'],
    ['100.127.255.255', 'shared-address-space'],
    ['100.128.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fd00:ec2::254', 'cloud-metadata'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::2', 'reserved'],
    ['1000::1', 'reserved'],
    // IPv4 inside IPv6: the IPv4 address decides.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'cloud-metadata'],
    ['::ffff:a9fe:a9fe', 'cloud-metadata'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:808:808::1', 'public'],
    ['[::1]', 'loopback'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)?.addressClass).toBe(expected);
  });

  it.each(['localhost', 'example.com', '1.2.3', '256.1.1.1', '::ffff::1', ''])(
    '%s is not an IP address',
    (text) => {
      expect(classifyAddress(text)).toBeUndefined();
    },
  );

  it('names the embedding and the range in its explanation', () => {
    expect(classifyAddress('::ffff:169.254.169.254')?.range).toMatch(
      /^IPv4-mapped 169\.254\.169\.254: 169\.254\.169\.254\/32 \(instance metadata/,
    );
  });
});

describe('vetUrl', () => {
  it.each([
    ['http://127.0.0.1/health', 'loopback'],
    ['https://127.0.0.1/health', 'loopback'],
    ['https://[::1]/health', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://0x7f.1/', 'loopback'],
    ['https://0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://169.254.169.254/latest/meta-data/', 'cloud-metadata'],
    ['https://[fd00:ec2::254]/latest/meta-data/', 'cloud-metadata'],
    ['https://10.0.0.8:8443/healthz', 'private'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://100.64.1.1/', 'shared-address-space'],
  ])('refuses %s (%s) by default, before any resolution', async (url, addressClass) => {
    const error = await vetUrl(new URL(url), {
      ...publicOnly,
      allowInsecureHttp: true,
    }).catch((caught: unknown) => caught);
    expect(DestinationRefusedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'address', reason: 'config', address: { addressClass } });
  });

  it('refuses plain http unless allowed, and says how to allow it', async () => {
    const resolveHost = resolverFrom({ 'status.acme.example': ['93.184.215.14'] });
    const refused = await vetUrl(new URL('http://status.acme.example/health'), {
      resolveHost,
    }).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ kind: 'scheme', reason: 'config' });
    expect(String((refused as Error).message)).toContain('use https');
    await expect(
      vetUrl(new URL('http://status.acme.example/health'), {
        resolveHost,
        allowInsecureHttp: true,
      }),
    ).resolves.toMatchObject({ addresses: [{ address: '93.184.215.14' }] });
  });

  it.each(['ftp://status.acme.example/', 'file:///etc/passwd', 'gopher://status.acme.example/'])(
    'refuses the scheme of %s even with http allowed',
    async (url) => {
      await expect(
        vetUrl(new URL(url), { ...publicOnly, allowInsecureHttp: true }),
      ).rejects.toMatchObject({ kind: 'scheme' });
    },
  );

  it('refuses credentials in the URL', async () => {
    await expect(vetUrl(new URL('https://user:pass@8.8.8.8/'), publicOnly)).rejects.toMatchObject({
      kind: 'scheme',
      message: expect.not.stringContaining('pass'),
    });
  });

  it('allows a class only when it is listed', async () => {
    await expect(
      vetUrl(new URL('https://10.0.0.8/'), { ...publicOnly, allowAddressClasses: ['private'] }),
    ).resolves.toMatchObject({ addresses: [{ address: '10.0.0.8', family: 4 }] });
    await expect(
      vetUrl(new URL('https://[::1]/'), { ...publicOnly, allowAddressClasses: ['private'] }),
    ).rejects.toMatchObject({ address: { addressClass: 'loopback' } });
  });

  it('never opens metadata addresses, even with link-local and shared space allowed', async () => {
    const policy: DestinationPolicy = {
      ...publicOnly,
      allowAddressClasses: ['private', 'loopback', 'link-local', 'shared-address-space'],
    };
    for (const url of [
      'https://169.254.169.254/',
      'https://100.100.100.200/',
      'https://[::ffff:169.254.169.254]/',
    ]) {
      const error = await vetUrl(new URL(url), policy).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ address: { addressClass: 'cloud-metadata' } });
      expect((error as Error).message).toContain('always refused');
    }
  });
});

describe('vetHost after DNS resolution', () => {
  const resolveHost = resolverFrom({
    'status.acme.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'mixed.acme.example': ['93.184.215.14', '10.0.0.5'],
    'mixed-v6.acme.example': ['2606:4700::1111', 'fd00::5'],
    'mapped.acme.example': ['::ffff:127.0.0.1'],
    'rebind.acme.example': ['169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
    'empty.acme.example': [],
    'garbage.acme.example': ['not-an-address'],
  });

  it('returns every address when all are public', async () => {
    await expect(vetHost('status.acme.example', { resolveHost })).resolves.toEqual({
      hostname: 'status.acme.example',
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    });
  });

  it.each([
    ['mixed.acme.example', '10.0.0.5', 'private'],
    ['mixed-v6.acme.example', 'fd00::5', 'private'],
    ['mapped.acme.example', '::ffff:127.0.0.1', 'loopback'],
    ['rebind.acme.example', '169.254.169.254', 'cloud-metadata'],
    ['localhost', '127.0.0.1', 'loopback'],
    ['garbage.acme.example', 'not-an-address', 'reserved'],
  ])('refuses %s when ANY address (%s) is %s', async (hostname, address, addressClass) => {
    const error = await vetHost(hostname, { resolveHost }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'address', address: { address, addressClass } });
    expect((error as Error).message).toContain(`${hostname} resolves to ${address}`);
  });

  it('reports a name that does not resolve as transient, naming the code', async () => {
    await expect(vetHost('nowhere.acme.example', { resolveHost })).rejects.toMatchObject({
      reason: 'transient',
      message: 'nowhere.acme.example could not be resolved (ENOTFOUND).',
    });
    await expect(vetHost('empty.acme.example', { resolveHost })).rejects.toMatchObject({
      reason: 'transient',
    });
  });
});

describe('vetRedirectTarget', () => {
  const resolveHost = resolverFrom({
    'status.acme.example': ['93.184.215.14'],
    'internal.acme.example': ['10.20.0.4'],
  });
  const from = new URL('https://status.acme.example/health');

  it('follows a redirect to a public host, relative or absolute', async () => {
    await expect(vetRedirectTarget(from, '/v2/health', { resolveHost })).resolves.toMatchObject({
      url: new URL('https://status.acme.example/v2/health'),
    });
  });

  it.each([
    ['https://internal.acme.example/health', 'address'],
    ['https://169.254.169.254/latest/meta-data/', 'address'],
    ['https://[::1]/', 'address'],
    ['http://status.acme.example/health', 'scheme'],
  ])('refuses a redirect to %s (%s)', async (location, kind) => {
    await expect(vetRedirectTarget(from, location, { resolveHost })).rejects.toMatchObject({
      kind,
    });
  });
});

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
    expect(result.address).toEqual([]);
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
