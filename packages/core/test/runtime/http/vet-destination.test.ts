import { describe, expect, it } from 'vitest';
import { DestinationRefusedError } from '../../../src/errors/destination-refused-error';
import type { DestinationPolicy } from '../../../src/runtime/http/destination-policy';
import { vetHost, vetRedirectTarget, vetUrl } from '../../../src/runtime/http/vet-destination';
import { resolverFromTable as resolverFrom } from '../support/resolver-from-table';

const publicOnly: DestinationPolicy = { resolveHost: resolverFrom({}) };

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
