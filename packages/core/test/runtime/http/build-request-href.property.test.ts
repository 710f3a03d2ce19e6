import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRequestHref,
  buildRequestUrl,
  parseBaseUrl,
  type QueryParameters,
} from '../../../src/runtime/http/build-request-url';

// Characters that stress the WHATWG parser: dots, encodings, separators, non-ASCII, surrogates.
const pathCharacter = fc.constantFrom(
  ...'aZ09-._~!$&\'()*+,;=:@/%2e%2E%41?#\\ "<>`{}|^[]é€\u0000\t'.split(''),
  '%2e',
  '%2E',
  '..',
  '.',
  '//',
  '%41',
  '\uD800',
);
const queryValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
);

describe('buildRequestHref: the request URL without a URL object', () => {
  it.each([
    'https://api.example.com',
    'https://api.example.com/api/v4',
    'http://127.0.0.1:8080/prefix/',
    'https://[::1]:8443/x',
  ])('is exactly what the parser builds, or steps aside (base %s)', (baseText) => {
    const base = parseBaseUrl(baseText);
    const prefix = `${base.origin}${base.pathname}`;
    fc.assert(
      fc.property(
        fc.array(pathCharacter, { maxLength: 12 }).map((parts) => parts.join('')),
        fc.option(fc.dictionary(fc.string({ maxLength: 6 }), queryValue, { maxKeys: 4 }), {
          nil: undefined,
        }),
        (path, query) => {
          const href = buildRequestHref(prefix, path, query as QueryParameters | undefined);
          if (href === undefined) return;
          expect(href).toBe(
            buildRequestUrl(base, path, query as QueryParameters | undefined)?.href,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['repos/octo/api/actions/runs', { per_page: 100, head_sha: 'abc' }],
    ['/api/v1/query', { query: 'sum(rate(x[5m]))', time: '1.5' }],
    ['items', { q: "it's (a) test~ !", list: ['a b', 2] }],
  ])('takes the fast path for an ordinary request (%s)', (path, query) => {
    const base = parseBaseUrl('https://api.example.com/v1');
    const href = buildRequestHref(`${base.origin}${base.pathname}`, path, query);
    expect(href).toBeDefined();
    expect(href).toBe(buildRequestUrl(base, path, query)?.href);
  });
});
