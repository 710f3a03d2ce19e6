import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANARY_PIECE_LENGTH,
  CANARY_PREFIX,
  createCanarySecret,
} from '../src/conformance/canary-secret';
import { findCanaryLeaks } from '../src/conformance/find-canary-leaks';

const canary = createCanarySecret();
const { value } = canary;
const percentEncoded = [...value]
  .map((character) => `%${character.charCodeAt(0).toString(16)}`)
  .join('');

describe('createCanarySecret', () => {
  it('is the prefix and 40 random letters and digits, new each time', () => {
    expect(value).toMatch(new RegExp(`^${CANARY_PREFIX}[A-Za-z0-9]{40}$`));
    expect(createCanarySecret().value).not.toBe(value);
    expect(encodeURIComponent(value)).toBe(value);
  });

  it.each([
    { form: 'whole', text: `token=${value}`, found: 'the secret' },
    { form: 'base64', text: Buffer.from(value).toString('base64'), found: 'the secret in base64' },
    {
      form: 'base64url',
      text: Buffer.from(value).toString('base64url'),
      found: /the secret in base64/,
    },
    {
      form: 'Basic user:token (alignment 2)',
      text: `Basic ${Buffer.from(`user:${value}`).toString('base64')}`,
      found: 'the secret in base64',
    },
    {
      form: 'Basic ab:token (alignment 0)',
      text: Buffer.from(`ab:${value}`).toString('base64'),
      found: 'the secret in base64',
    },
    {
      form: 'Basic a:token (alignment 1)',
      text: Buffer.from(`a:${value}`).toString('base64'),
      found: 'the secret in base64',
    },
    { form: 'percent-encoded', text: `?q=${percentEncoded}`, found: 'the secret, URL-encoded' },
    { form: 'a piece starting in the prefix', text: value.slice(1, 9), found: /characters 2–9/ },
    { form: 'the last 8 characters', text: `…${value.slice(-8)}`, found: /characters 41–48/ },
  ])('finds the $form form', ({ text, found }) => {
    expect(canary.findIn(text)).toEqual(
      typeof found === 'string' ? found : expect.stringMatching(found),
    );
  });

  it('finds every piece of 8 or more characters, except the prefix alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: value.length - CANARY_PIECE_LENGTH }),
        fc.integer({ min: CANARY_PIECE_LENGTH, max: value.length }),
        fc.string(),
        fc.string(),
        (start, length, before, after) => {
          const piece = value.slice(start, start + length);
          fc.pre(piece.length >= CANARY_PIECE_LENGTH && piece !== CANARY_PREFIX);
          expect(canary.findIn(`${before}${piece}${after}`)).toBeDefined();
        },
      ),
    );
  });

  it('does not find a 7-character piece, the prefix alone, or ordinary output', () => {
    expect(canary.findIn(value.slice(20, 27))).toBeUndefined();
    expect(canary.findIn(`${CANARY_PREFIX} canary rollout, binary summary`)).toBeUndefined();
    // Ordinary output: digests, ids and words. Another canary stands in for random tokens.
    const other = createCanarySecret().value.slice(CANARY_PREFIX.length);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-f0-9]{64}$/), fc.lorem(), (digest, words) => {
        expect(canary.findIn(`sha256:${digest} ${words} ${other}`)).toBeUndefined();
      }),
    );
  });
});

describe('findCanaryLeaks', () => {
  it('names the run, the output, the fact and the field; never the secret', () => {
    const leaks = findCanaryLeaks(canary, [
      {
        run: 'fault:timeout GET /x',
        source: 'record',
        value: {
          facts: [{ name: 'a' }, { name: 'open_incidents', reason: { message: `key ${value}` } }],
          warnings: [{ code: 'hint', message: Buffer.from(value).toString('base64') }],
          providerMetadata: { demo: { nested: [value.slice(10, 20)] } },
        },
      },
      {
        run: 'the happy path',
        source: 'log',
        value: [
          {
            level: 'debug',
            object: { type: 'request.start', url: `https://x/?h=${value.slice(9, 17)}` },
            message: 'evidencekit request started',
          },
          { level: 'info', object: { token: value }, message: 'collecting' },
        ],
      },
      { run: 'check:completes', source: 'error', value: new Error(`bad key ${value}`) },
    ]);
    expect(leaks.map((leak) => `${leak.run} | ${leak.where} | ${leak.form}`)).toEqual([
      'fault:timeout GET /x | record, fact open_incidents, field reason.message | the secret',
      'fault:timeout GET /x | record, warning hint, field message | the secret in base64',
      'fault:timeout GET /x | record, field providerMetadata.demo.nested[0] | an 8-character piece of the secret (characters 11–18)',
      'the happy path | runtime event request.start, field url | an 8-character piece of the secret (characters 10–17)',
      'the happy path | log line "collecting", field token | the secret',
      'check:completes | error, field message | the secret',
      'check:completes | error, field stack | the secret',
    ]);
    expect(JSON.stringify(leaks)).not.toContain(value.slice(8, 16));
  });

  it('stops at a bounded depth on deeply nested output', () => {
    let deep: unknown = value;
    for (let level = 0; level < 10_000; level++) deep = { next: deep };
    expect(findCanaryLeaks(canary, [{ run: 'r', source: 'record', value: deep }])).toEqual([]);
  });
});
