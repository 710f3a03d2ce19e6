import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitMatches } from '../src/match-commit';
import { COMMIT } from './fixtures/workflow-runs';

const SHA256_COMMIT = `${COMMIT}${'0123456789abcdef0123456789abcdef'.slice(0, 24)}`;
const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const hex = (minLength: number, maxLength: number) =>
  fc.array(hexChar, { minLength, maxLength }).map((chars) => chars.join(''));
const fullSha = fc.oneof(hex(40, 40), hex(64, 64));

describe('commitMatches (release commit, provider SHA)', () => {
  it.each([
    ['the same full SHA', COMMIT, COMMIT, true],
    ['the same SHA in another case', COMMIT.toUpperCase(), COMMIT, true],
    ['a 7-character abbreviation', COMMIT.slice(0, 7), COMMIT, true],
    ['a 12-character abbreviation in upper case', COMMIT.slice(0, 12).toUpperCase(), COMMIT, true],
    ['an abbreviation of a SHA-256 commit', COMMIT.slice(0, 10), SHA256_COMMIT, true],
    ['a 6-character abbreviation', COMMIT.slice(0, 6), COMMIT, false],
    ['another commit', 'f'.repeat(40), COMMIT, false],
    ['an empty provider SHA', COMMIT, '', false],
    ['a one-letter provider SHA', COMMIT, 'a', false],
    ['a provider SHA that abbreviates the release commit', COMMIT, COMMIT.slice(0, 7), false],
    ['a provider SHA of 39 characters', COMMIT.slice(0, 7), COMMIT.slice(0, 39), false],
    ['a provider SHA that is not hex', COMMIT.slice(0, 7), `${COMMIT.slice(0, 39)}g`, false],
    ['a provider SHA with whitespace', COMMIT, ` ${COMMIT}`, false],
    ['an empty release commit', '', COMMIT, false],
    ['a release commit that is not hex', `${COMMIT.slice(0, 7)}z`, COMMIT, false],
    ['a SHA-1 release commit against a longer SHA-256 one', COMMIT, SHA256_COMMIT, true],
    ['a SHA-256 release commit against the SHA-1 prefix', SHA256_COMMIT, COMMIT, false],
  ])('%s → %s', (_label, release, provider, expected) => {
    expect(commitMatches(release, provider)).toBe(expected);
  });

  it('never matches a release commit shorter than 7 characters', () => {
    fc.assert(
      fc.property(fullSha, fc.nat({ max: 6 }), (sha, length) => {
        expect(commitMatches(sha.slice(0, length), sha)).toBe(false);
      }),
    );
  });

  it('never matches anything that is not hex, on either side', () => {
    const notHex = fc
      .string({ minLength: 1, maxLength: 70 })
      .filter((text) => /[^0-9a-f]/i.test(text));
    fc.assert(
      fc.property(fullSha, notHex, (sha, text) => {
        expect(commitMatches(text, sha)).toBe(false);
        expect(commitMatches(sha, text)).toBe(false);
        expect(commitMatches(sha.slice(0, 7), text)).toBe(false);
      }),
    );
  });

  it('matches every prefix of the provider SHA of 7 or more characters, in any case', () => {
    fc.assert(
      fc.property(fullSha, fc.integer({ min: 7, max: 64 }), fc.boolean(), (sha, length, upper) => {
        const prefix = sha.slice(0, length);
        expect(commitMatches(upper ? prefix.toUpperCase() : prefix.toLowerCase(), sha)).toBe(true);
      }),
    );
  });

  it('never matches when the provider SHA is only a prefix of the release commit', () => {
    fc.assert(
      fc.property(fullSha, fc.integer({ min: 0, max: 63 }), (release, length) => {
        const provider = release.slice(0, Math.min(length, release.length - 1));
        expect(commitMatches(release, provider)).toBe(false);
      }),
    );
  });

  it('never matches a provider SHA that is not 40 or 64 hex characters', () => {
    fc.assert(
      fc.property(
        hex(0, 80).filter((text) => text.length !== 40 && text.length !== 64),
        (provider) => {
          expect(commitMatches(provider.slice(0, 7), provider)).toBe(false);
          expect(commitMatches(COMMIT.slice(0, 7), provider)).toBe(false);
        },
      ),
    );
  });
});
