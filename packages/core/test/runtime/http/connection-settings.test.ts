import { describe, expect, it } from 'vitest';
import { httpCacheKey } from '../../../src/runtime/cache/cache-key';
import { connectionFingerprint } from '../../../src/runtime/http/connection-settings';

const CA_A = '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n';
const CA_B = '-----BEGIN CERTIFICATE-----\nMIIBBBBB\n-----END CERTIFICATE-----\n';

describe('connectionFingerprint', () => {
  it('is undefined for the default settings, so their pools and cache keys do not change', () => {
    expect(connectionFingerprint({})).toBeUndefined();
    expect(connectionFingerprint({ ca: [] })).toBeUndefined();
  });

  it('tells apart every CA set and policy, and never contains the certificate', () => {
    const fingerprints = [
      connectionFingerprint({ ca: [CA_A] }),
      connectionFingerprint({ ca: [CA_B] }),
      connectionFingerprint({ ca: [CA_A, CA_B] }),
      connectionFingerprint({ destinationPolicy: {} }),
      connectionFingerprint({ destinationPolicy: { allowAddressClasses: ['private'] } }),
      connectionFingerprint({ destinationPolicy: { allowInsecureHttp: true } }),
      connectionFingerprint({ ca: [CA_A], destinationPolicy: {} }),
    ];
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the order of allowed address classes', () => {
    expect(
      connectionFingerprint({
        destinationPolicy: { allowAddressClasses: ['private', 'loopback'] },
      }),
    ).toBe(
      connectionFingerprint({
        destinationPolicy: { allowAddressClasses: ['loopback', 'private'] },
      }),
    );
  });
});

describe('httpCacheKey with connection settings', () => {
  const request = { method: 'GET', url: 'https://k8s.acme.test/apis/apps/v1' };

  it('keeps the key of a client without connection settings', () => {
    expect(httpCacheKey(request)).toBe(httpCacheKey({ ...request, varyHeaders: {} }));
  });

  it('separates answers obtained under another CA or none', () => {
    const keyUnder = (ca: string) =>
      httpCacheKey({
        ...request,
        connectionFingerprint: connectionFingerprint({ ca: [ca] }) ?? '',
      });
    const keys = [httpCacheKey(request), keyUnder(CA_A), keyUnder(CA_B)];
    expect(new Set(keys).size).toBe(3);
  });
});
