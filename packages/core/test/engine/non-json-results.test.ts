import { describe, expect, it } from 'vitest';
import { collectEvidence } from '../../src/engine/collect-evidence';
import { CONNECTOR_RESULT_LIMITS, describeNonJson } from '../../src/engine/describe-non-json';
import { renderJsonReport } from '../../src/report/render-json-report';
import { scope, scriptedConnector, testRuntimeHost } from './fixtures';

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { name: 'run' };
  value.self = { parent: value };
  return value;
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1)
    value = level % 2 === 0 ? [value] : { next: value };
  return value;
}

// Each class of value that JSON.stringify either throws on or silently changes.
const hostileMetadata: ReadonlyArray<[name: string, metadata: unknown, expected: RegExp]> = [
  ['a cycle', cyclic(), /providerMetadata\.self\.parent refers back to itself/],
  [
    'a cycle through an array',
    (() => {
      const list: unknown[] = [];
      list.push({ list });
      return { list };
    })(),
    /cycle/,
  ],
  [
    'nesting deeper than the limit',
    { deep: nested(CONNECTOR_RESULT_LIMITS.maxDepth + 5) },
    /nested deeper than 64/,
  ],
  ['100 000 levels of nesting', { deep: nested(100_000) }, /nested deeper/],
  ['a bigint', { id: 12n }, /providerMetadata\.id is a bigint/],
  ['a Date', { at: new Date(0) }, /a Date, not plain JSON/],
  ['a Map', { map: new Map() }, /a Map/],
  ['a function', { run: () => 1 }, /a function/],
  ['NaN', { rate: Number.NaN }, /NaN/],
  ['Infinity', { rate: Number.POSITIVE_INFINITY }, /Infinity/],
  [
    'too many values',
    { items: Array.from({ length: CONNECTOR_RESULT_LIMITS.maxValues + 1 }, () => 0) },
    /more than 200000 values/,
  ],
];

describe('describeNonJson', () => {
  it.each(hostileMetadata)('refuses %s, naming the place', (_name, metadata, expected) => {
    expect(describeNonJson(metadata, 'providerMetadata')).toMatch(expected);
  });

  it('accepts plain JSON data, including shared (non-cyclic) references', () => {
    const shared = { id: 1 };
    expect(
      describeNonJson(
        { a: shared, b: shared, list: [1, 'x', true, null, { n: 0 }], nested: nested(60) },
        'p',
      ),
    ).toBeUndefined();
    expect(describeNonJson(Object.assign(Object.create(null), { a: 1 }), 'p')).toBeUndefined();
  });
});

describe('collectEvidence with a record that cannot be serialized', () => {
  it.each(hostileMetadata)(
    'makes only that record unavailable for %s; every other record comes out',
    async (_name, metadata) => {
      const host = testRuntimeHost();
      const good = scriptedConnector(async () => ({
        facts: [{ name: 'error_rate', kind: 'measured', value: 0, unit: 'ratio' }],
        providerMetadata: { ok: true },
      }));
      const bad = scriptedConnector(async () => ({
        facts: [{ name: 'error_rate', kind: 'measured', value: 0, unit: 'ratio' }],
        providerMetadata: metadata as never,
      }));
      const records = await Array.fromAsync(
        collectEvidence({
          runtime: host,
          targets: [
            { connector: good, scope: scope('checkout'), selector: { service: 'checkout' } },
            { connector: bad, scope: scope('payments'), selector: { service: 'payments' } },
            { connector: good, scope: scope('search'), selector: { service: 'search' } },
          ],
        }),
      );
      await host.close();
      expect(records).toHaveLength(3);
      const badRecord = records.find((record) => record.scope.service === 'payments');
      expect(badRecord?.status).toBe('unavailable');
      for (const fact of badRecord?.facts ?? []) expect(fact.reason?.code).toBe('connector_error');
      expect(records.filter((record) => record.status === 'passed')).toHaveLength(2);
      // Every report can be written.
      expect(() => renderJsonReport({ records })).not.toThrow();
    },
  );
});
