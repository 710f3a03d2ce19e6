import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCacheKeyBuilder,
  credentialFingerprint,
  httpCacheKey,
} from '../../../src/runtime/cache/cache-key';

describe('createCacheKeyBuilder: a client-wide key suffix built once', () => {
  it('gives exactly the key httpCacheKey gives, request after request', () => {
    fc.assert(
      fc.property(
        fc.record({
          accept: fc.option(fc.string(), { nil: undefined }),
          varyHeaders: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
          connectionFingerprint: fc.option(fc.string({ minLength: 8, maxLength: 8 }), {
            nil: undefined,
          }),
          maxResponseBytes: fc.nat(),
        }),
        fc.array(
          fc.record({
            method: fc.constantFrom('GET', 'HEAD'),
            url: fc.webUrl(),
            credential: fc.option(
              fc.constantFrom('authorization: Bearer a', 'authorization: Bearer b'),
              {
                nil: undefined,
              },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (client, requests) => {
          const build = createCacheKeyBuilder(client);
          for (const request of requests) {
            expect(build(request)).toBe(
              httpCacheKey({
                method: request.method,
                url: request.url,
                ...(client.accept === undefined ? {} : { accept: client.accept }),
                varyHeaders: client.varyHeaders,
                ...(request.credential === undefined
                  ? {}
                  : { credentialFingerprint: credentialFingerprint(request.credential) }),
                ...(client.connectionFingerprint === undefined
                  ? {}
                  : { connectionFingerprint: client.connectionFingerprint }),
                answerRules: { maxResponseBytes: client.maxResponseBytes },
              }),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
