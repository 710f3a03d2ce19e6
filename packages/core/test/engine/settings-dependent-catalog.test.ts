import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { configureConnector, type FactNameOf } from '../../src/contract/configured-connector';
import type { FactDefinitionV1 } from '../../src/contract/v1/connector-metadata-v1';
import { defineConnector } from '../../src/contract/v1/define-connector';
import type { FactObservationV1 } from '../../src/contract/v1/fact-observation-v1';
import { collectEvidence } from '../../src/engine/collect-evidence';
import { factCatalogOf } from '../../src/engine/fact-catalog-of';
import { ingestEvidence } from '../../src/engine/ingest-evidence';
import { validateTargetConfiguration } from '../../src/engine/validate-target-configuration';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { InvalidFactCatalogError } from '../../src/errors/invalid-fact-catalog-error';
import type { EvidenceRecord } from '../../src/evidence/evidence-schema';
import { parseGatePolicy } from '../../src/gate/parse-gate-policy';
import { createRuntime } from '../../src/runtime/create-runtime';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import { scope } from './fixtures';

// A connector whose catalog is the static `reachable` fact plus one counted fact per setting,
// like the webhook connector's mapped facts. `catalog` replaces factsFor's answer per test.
const reachable = {
  name: 'reachable',
  description: 'Whether the source answered.',
  unit: 'word',
  defaultThreshold: '== yes',
  defaultAction: 'Check the source.',
} as const satisfies FactDefinitionV1;

const settingsSchema = z.strictObject({
  counts: z.record(
    z.string(),
    z.strictObject({ value: z.number(), threshold: z.string().default('== 0') }),
  ),
});
type Config = z.output<typeof settingsSchema>;

function mappedFacts(config: Config): FactDefinitionV1[] {
  return Object.entries(config.counts).map(([name, mapping]) => ({
    name,
    description: `Counted ${name}.`,
    unit: 'count',
    defaultThreshold: mapping.threshold,
    defaultAction: `Fix ${name}.`,
  }));
}

function mappedConnector(
  catalog: (config: Config) => unknown = (config) => [...mappedFacts(config), reachable],
) {
  let calls = 0;
  const connector = defineConnector({
    specificationVersion: 'v1',
    metadata: {
      id: 'mapped',
      displayName: 'Mapped',
      category: 'custom',
      maturity: 'evidence-ingest',
      credential: 'none',
      scope: { minimum: 'nothing', avoid: 'nothing' },
      defaultMaxAgeSeconds: 300,
      facts: [reachable],
    },
    configSchema: settingsSchema,
    selectorSchema: z.strictObject({}),
    factsFor(config) {
      calls += 1;
      // A connector bug shows up here as anything at all; the engine must cope.
      return catalog(config) as readonly FactDefinitionV1[];
    },
    async doCheck() {
      return { ok: true, findings: [] };
    },
    async doCollect({ config }) {
      return { facts: observe(config) };
    },
    async doIngest({ config }) {
      return { facts: observe(config) };
    },
  });
  return { connector, calls: () => calls };
}

function observe(config: Config): FactObservationV1[] {
  return [
    ...Object.entries(config.counts).map(
      ([name, mapping]): FactObservationV1 => ({
        name,
        kind: 'measured',
        value: mapping.value,
        unit: 'count',
      }),
    ),
    { name: 'reachable', kind: 'word', value: 'yes' },
  ];
}

const settings = {
  counts: { smoke_tests_failed: { value: 0 }, open_alerts: { value: 3, threshold: '<= 2' } },
};

async function collectOne(
  configured: ReturnType<typeof configureConnector>,
  thresholds?: Record<string, string>,
): Promise<EvidenceRecord> {
  const records = await Array.fromAsync(
    collectEvidence({
      targets: [
        {
          connector: configured,
          scope: scope('checkout'),
          selector: {},
          ...(thresholds === undefined ? {} : { thresholds }),
        },
      ],
      runtime: createRuntime(),
    }),
  );
  const [record] = records;
  if (record === undefined) throw new Error('no record');
  return record;
}

function statuses(record: EvidenceRecord): Record<string, string> {
  return Object.fromEntries(
    record.facts.map((fact) => [
      fact.name,
      fact.reason === undefined ? fact.status : `${fact.status}: ${fact.reason.code}`,
    ]),
  );
}

describe('settings-dependent catalogs (factsFor)', () => {
  it('types the names of a settings-dependent catalog as string, a static one by its names', () => {
    const { connector } = mappedConnector();
    expectTypeOf<FactNameOf<typeof connector>>().toEqualTypeOf<string>();
    const fixed = defineConnector({
      specificationVersion: 'v1',
      metadata: { ...connector.metadata, facts: [reachable] },
      configSchema: z.strictObject({}),
      selectorSchema: z.strictObject({}),
      async doCheck() {
        return { ok: true, findings: [] };
      },
      async doCollect() {
        return { facts: [{ name: 'reachable', kind: 'word', value: 'yes' }] };
      },
    });
    expectTypeOf<FactNameOf<typeof fixed>>().toEqualTypeOf<'reachable'>();
  });

  it('judges collected and ingested facts by the catalog the settings give', async () => {
    const { connector } = mappedConnector();
    const configured = configureConnector(connector, settings);
    const expected = {
      smoke_tests_failed: 'passed',
      open_alerts: 'failed: threshold_breached',
      reachable: 'passed',
    };
    const collected = await collectOne(configured);
    expect(statuses(collected)).toEqual(expected);
    expect(collected.warnings ?? []).toEqual([]);
    const ingested = await ingestEvidence(configured, { scope: scope('checkout'), payload: {} });
    expect(statuses(ingested)).toEqual(expected);
  });

  it('applies a target threshold override to a fact the settings define', async () => {
    const { connector } = mappedConnector();
    const record = await collectOne(configureConnector(connector, settings), {
      open_alerts: '<= 5',
    });
    expect(statuses(record).open_alerts).toBe('passed');
  });

  it('fails a target whose override names no fact of the settings catalog, with a did-you-mean', async () => {
    const { connector } = mappedConnector();
    const record = await collectOne(configureConnector(connector, settings), {
      open_alert: '<= 5',
    });
    // The catalog was known: every one of its facts says why, none passes.
    expect(statuses(record)).toEqual({
      smoke_tests_failed: 'unavailable: config',
      open_alerts: 'unavailable: config',
      reachable: 'unavailable: config',
    });
    expect(record.facts[0]?.reason?.message).toContain('did you mean "open_alerts"');
  });

  // Each row is one way a factsFor can be wrong. Every fact of the target must be
  // `unavailable: connector_error` with a message that says what is wrong: never a pass,
  // never a crash of the run.
  const broken: ReadonlyArray<[what: string, catalog: (config: Config) => unknown, RegExp]> = [
    [
      'throws',
      () => {
        throw new Error('mapping table missing');
      },
      /factsFor threw: mapping table missing/,
    ],
    ['returns nothing', () => undefined, /expected a list of fact definitions, got undefined/],
    ['returns an empty list', () => [], /the catalog is empty/],
    [
      'repeats a name',
      (config) => [...mappedFacts(config), reachable, reachable],
      /facts\[3\]\.name: "reachable" appears twice/,
    ],
    [
      'has a default threshold that does not parse',
      (config) => [...mappedFacts(config), { ...reachable, defaultThreshold: '=> yes' }],
      /facts\[2\]\.defaultThreshold: /,
    ],
    [
      'gives a count a word threshold',
      (config) => [{ ...mappedFacts(config)[0], defaultThreshold: '== none' }, reachable],
      /facts\[0\]\.defaultThreshold: a fact measured in count needs a numeric threshold/,
    ],
    [
      'has an unknown unit',
      (config) => [{ ...mappedFacts(config)[0], unit: 'widgets' }, reachable],
      /facts\[0\]\.unit: expected a measurement unit or "word"/,
    ],
    [
      'has a name that is not snake_case',
      (config) => [{ ...mappedFacts(config)[0], name: 'Smoke Tests' }, reachable],
      /facts\[0\]\.name: expected a snake_case fact name/,
    ],
    [
      'has a range whose min is above its max',
      (config) => [{ ...mappedFacts(config)[0], range: { min: 5, max: 1 } }, reachable],
      /facts\[0\]\.range: min is above max/,
    ],
    [
      'has an invalid whenEmpty rule',
      (config) => [{ ...mappedFacts(config)[0], whenEmpty: { status: 'passed' } }, reachable],
      /facts\[0\]\.whenEmpty: expected/,
    ],
    [
      'returns a definition whose fields throw when read',
      () => [
        Object.defineProperty({ ...reachable }, 'name', {
          get() {
            throw new Error('lazy name failed');
          },
        }),
      ],
      /reading the catalog threw: lazy name failed/,
    ],
    [
      'returns more facts than a catalog may have',
      () => Array.from({ length: 1001 }, (_, index) => ({ ...reachable, name: `fact_${index}` })),
      /1001 facts, more than the 1000/,
    ],
  ];

  it.each(broken)(
    'a factsFor that %s is connector_error for the target',
    async (_, catalog, message) => {
      const { connector } = mappedConnector(catalog);
      const configured = configureConnector(connector, settings);
      for (const record of [
        await collectOne(configured),
        await ingestEvidence(configured, { scope: scope('checkout'), payload: {} }),
      ]) {
        expect(record.status).toBe('unavailable');
        // The catalog could not be built: the static catalog says why.
        expect(statuses(record)).toEqual({ reachable: 'unavailable: connector_error' });
        expect(record.facts[0]?.reason?.message).toMatch(message);
      }
      expect(() => factCatalogOf(configured)).toThrow(InvalidFactCatalogError);
    },
  );

  it('redacts registered secrets in the message of a factsFor that throws', async () => {
    const canary = 'canary-catalog-secret-5d1e';
    const redactor = createRedactor();
    redactor.register(canary);
    const { connector } = mappedConnector(() => {
      throw new Error(`could not read ${canary}`);
    });
    const record = await ingestEvidence(configureConnector(connector, settings), {
      scope: scope('checkout'),
      payload: {},
      runtime: createRuntime({ redactor }),
    });
    expect(record.facts[0]?.reason?.code).toBe('connector_error');
    expect(JSON.stringify(record)).not.toContain(canary);
  });

  it('builds the catalog once per configured connector and run', async () => {
    const { connector, calls } = mappedConnector();
    const configured = configureConnector(connector, settings);
    const targets = Array.from({ length: 20 }, (_, index) => ({
      connector: configured,
      scope: scope(`service-${index}`),
      selector: {},
    }));
    const records = await Array.fromAsync(
      collectEvidence({ targets, runtime: createRuntime(), concurrency: 4 }),
    );
    expect(records).toHaveLength(20);
    expect(calls()).toBe(1);
  });

  describe('factCatalogOf', () => {
    it('is the static catalog for a static connector, without validating its settings', () => {
      const { connector } = mappedConnector();
      const { factsFor: _, ...fixed } = connector;
      expect(factCatalogOf(configureConnector(fixed, { counts: 'not a record' } as never))).toBe(
        connector.metadata.facts,
      );
    });

    it("is factsFor's catalog for the validated settings", () => {
      const { connector } = mappedConnector();
      expect(
        factCatalogOf(configureConnector(connector, settings)).map((fact) => fact.name),
      ).toEqual(['smoke_tests_failed', 'open_alerts', 'reachable']);
    });

    it('throws a ConfigurationError naming the field when the settings do not validate', () => {
      const { connector } = mappedConnector();
      const configured = configureConnector(connector, {
        counts: { x: { value: 'one' } },
      } as never);
      expect(() => factCatalogOf(configured)).toThrow(ConfigurationError);
      expect(() => factCatalogOf(configured)).toThrow(/settings\.counts\.x\.value/);
    });
  });

  describe('validateTargetConfiguration', () => {
    async function issuesOf(
      configured: ReturnType<typeof configureConnector>,
      thresholds?: Record<string, string>,
    ) {
      try {
        await validateTargetConfiguration({
          connector: configured,
          scope: scope('checkout'),
          selector: {},
          ...(thresholds === undefined ? {} : { thresholds }),
        });
        return [];
      } catch (error) {
        if (!ConfigurationError.isInstance(error)) throw error;
        return error.issues;
      }
    }

    it('accepts an override of a fact the settings define and names a misspelt one', async () => {
      const { connector } = mappedConnector();
      const configured = configureConnector(connector, settings);
      expect(await issuesOf(configured, { smoke_tests_failed: '<= 1' })).toEqual([]);
      expect(await issuesOf(configured, { smoke_test_failed: '<= 1' })).toEqual([
        {
          path: 'thresholds.smoke_test_failed',
          expected: expect.stringContaining('did you mean "smoke_tests_failed"'),
        },
      ]);
    });

    it('reports a catalog that cannot be built from the settings', async () => {
      const { connector } = mappedConnector(() => []);
      expect(await issuesOf(configureConnector(connector, settings))).toEqual([
        { path: 'connector', expected: expect.stringContaining('the catalog is empty') },
      ]);
    });
  });

  describe('parseGatePolicy with configured connectors', () => {
    const policyNaming = (fact: string) => ({
      environments: { production: { required: [{ connector: 'mapped', fact }] } },
    });
    const issuesOf = (fact: string, source: Parameters<typeof factCatalogOf>[0] | object) => {
      try {
        parseGatePolicy(policyNaming(fact), { connectors: [source as never] });
        return [];
      } catch (error) {
        if (!ConfigurationError.isInstance(error)) throw error;
        return error.issues.map((issue) => issue.expected);
      }
    };

    it('accepts a fact the settings define and names the closest for a misspelt one', () => {
      const configured = configureConnector(mappedConnector().connector, settings);
      expect(issuesOf('open_alerts', configured)).toEqual([]);
      expect(issuesOf('open_alert', configured)).toEqual([
        expect.stringContaining('did you mean "open_alerts"'),
      ]);
    });

    it('says that a definition alone does not know the facts its settings define', () => {
      const { connector } = mappedConnector();
      expect(issuesOf('reachable', connector)).toEqual([]);
      expect(issuesOf('open_alerts', connector)).toEqual([
        expect.stringContaining('pass the configured connector'),
      ]);
    });

    it.each([
      ['invalid settings', { counts: { x: { value: 'one' } } }, () => []],
      ['a broken factsFor', settings, () => []],
    ])(
      'says a fact cannot be checked when the catalog cannot be built (%s)',
      (_, given, catalog) => {
        const configured = configureConnector(mappedConnector(catalog).connector, given as never);
        expect(issuesOf('reachable', configured)).toEqual([]);
        expect(issuesOf('open_alerts', configured)).toEqual([
          expect.stringMatching(/could not be built, so "open_alerts" cannot be checked/),
        ]);
      },
    );
  });
});
