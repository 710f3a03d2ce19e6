import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/runtime/retry/parse-retry-after';

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['retry-after seconds', { 'retry-after': '7' }, 7000],
    ['retry-after HTTP date', { 'retry-after': new Date(now + 30_000).toUTCString() }, 30_000],
    ['retry-after date in the past', { 'retry-after': new Date(now - 5000).toUTCString() }, 0],
    ['retry-after-ms wins', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [
      'x-ratelimit-reset epoch seconds with remaining 0',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 42) },
      42_000,
    ],
    [
      'x-ratelimit-reset epoch milliseconds with remaining 0',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 1500) },
      1500,
    ],
    ['IETF RateLimit-Reset delta', { 'ratelimit-remaining': '0', 'ratelimit-reset': '12' }, 12_000],
    ['IETF structured RateLimit', { ratelimit: '"default";r=0;t=20' }, 20_000],
    [
      'negative reset delta means already reset',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '-5' },
      0,
    ],
  ])('%s', (_name, headers, expected) => {
    expect(parseRetryAfter(headers, now)).toBe(expected);
  });

  it.each([
    ['no headers', {}],
    ['reset while budget remains', { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '99' }],
    ['garbage retry-after', { 'retry-after': 'soon' }],
  ])('gives nothing for %s', (_name, headers) => {
    expect(parseRetryAfter(headers, now)).toBeUndefined();
  });
});
