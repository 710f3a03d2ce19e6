import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from '../../src/errors/closest-name';

describe('closestName', () => {
  const known = ['baseUrl', 'tenantId', 'auth', 'queries', 'uiUrl', 'medium_vulnerabilities'];
  it.each([
    ['baseURL', 'baseUrl'], // case only
    ['tenantID', 'tenantId'],
    ['baseurl', 'baseUrl'],
    ['quereis', 'queries'], // transposition
    ['medium_vulnerabilites', 'medium_vulnerabilities'], // one letter dropped
    ['auht', 'auth'],
  ])('suggests %s → %s', (input, expected) => {
    expect(closestName(input, known)).toBe(expected);
    expect(didYouMean(input, known)).toBe(` (did you mean "${expected}"?)`);
  });

  it.each(['namespace', 'x', 'completely_unrelated_key'])('guesses nothing for %s', (input) => {
    expect(closestName(input, known)).toBeUndefined();
    expect(didYouMean(input, known)).toBe('');
  });

  it('only ever suggests a known name, and never the input itself', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 40 })),
        (input, candidates) => {
          const suggestion = closestName(input, candidates);
          if (suggestion !== undefined) {
            expect(candidates).toContain(suggestion);
            expect(suggestion).not.toBe(input);
          }
        },
      ),
    );
  });
});
