import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_STATUSES, type FactStatus } from '../../src/evidence/fact-status';
import { rollUpStatus } from '../../src/evidence/roll-up';

const facts = (statuses: readonly FactStatus[]) => statuses.map((status) => ({ status }));

/** Every ordering of `items`, to show the roll-up does not depend on fact order. */
function permutations<Item>(items: readonly Item[]): Item[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

describe('rollUpStatus', () => {
  // Golden table: every combination of distinct statuses, with the expected roll-up written
  // out by hand rather than computed, so a change to the severity order shows up here.
  const golden: { statuses: FactStatus[]; expected: FactStatus }[] = [
    { statuses: [], expected: 'unavailable' },
    { statuses: ['passed'], expected: 'passed' },
    { statuses: ['failed'], expected: 'failed' },
    { statuses: ['pending'], expected: 'pending' },
    { statuses: ['unavailable'], expected: 'unavailable' },
    { statuses: ['passed', 'failed'], expected: 'failed' },
    { statuses: ['passed', 'pending'], expected: 'pending' },
    { statuses: ['passed', 'unavailable'], expected: 'unavailable' },
    { statuses: ['failed', 'pending'], expected: 'failed' },
    { statuses: ['failed', 'unavailable'], expected: 'failed' },
    { statuses: ['pending', 'unavailable'], expected: 'unavailable' },
    { statuses: ['passed', 'failed', 'pending'], expected: 'failed' },
    { statuses: ['passed', 'failed', 'unavailable'], expected: 'failed' },
    { statuses: ['passed', 'pending', 'unavailable'], expected: 'unavailable' },
    { statuses: ['failed', 'pending', 'unavailable'], expected: 'failed' },
    { statuses: ['passed', 'failed', 'pending', 'unavailable'], expected: 'failed' },
  ];

  it('covers every combination of statuses in the golden table', () => {
    const combinations = new Set(golden.map(({ statuses }) => [...statuses].sort().join(',')));
    expect(combinations.size).toBe(2 ** FACT_STATUSES.length);
  });

  it.each(golden)('rolls up [$statuses] to $expected in any order', ({ statuses, expected }) => {
    for (const ordering of permutations(statuses)) {
      expect(rollUpStatus(facts(ordering))).toBe(expected);
    }
  });

  it.each(golden)('rolls up [$statuses] repeated to $expected', ({ statuses, expected }) => {
    expect(rollUpStatus(facts([...statuses, ...statuses, ...statuses]))).toBe(expected);
  });

  it('never passes without facts', () => {
    expect(rollUpStatus([])).not.toBe('passed');
  });

  it('is the worst status present, and passed only when every one of at least one fact passed', () => {
    const worstFirst: readonly FactStatus[] = ['failed', 'unavailable', 'pending', 'passed'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FACT_STATUSES), { maxLength: 30 }), (statuses) => {
        const rolledUp = rollUpStatus(facts(statuses));
        const worstPresent = worstFirst.find((status) => statuses.includes(status));
        expect(rolledUp).toBe(worstPresent ?? 'unavailable');
        const everyFactPassed =
          statuses.length > 0 && statuses.every((status) => status === 'passed');
        expect(rolledUp === 'passed').toBe(everyFactPassed);
      }),
    );
  });
});
