import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import type { EvidenceRecord } from '../../src/evidence/evidence-schema';
import { evaluateGate } from '../../src/gate/evaluate-gate';
import type { GateDecision } from '../../src/gate/gate-decision';
import type { GatePolicy, GatePolicyInput } from '../../src/gate/gate-policy-schema';
import { parseGatePolicy } from '../../src/gate/parse-gate-policy';
import {
  factWithReason,
  makeRecord,
  measuredFact,
  NOW,
  productionPolicy,
  wordFact,
} from './gate-fixtures';

const errorRate = { connector: 'prometheus', fact: 'error_rate' } as const;
const health = { connector: 'argocd', fact: 'health' } as const;

/** `connector/fact status reason` for each evaluated required fact, in output order. */
function factLines(decision: GateDecision): string[] {
  return decision.facts.map(
    (finding) =>
      `${finding.connector}/${finding.fact} ${finding.status}${finding.reason ? ` ${finding.reason.code}` : ''}`,
  );
}

interface DecisionCase {
  name: string;
  records: EvidenceRecord[];
  policy: GatePolicy;
  decision: GateDecision['decision'];
  facts: string[];
  ignored?: number;
}

const prometheus = (facts: Parameters<typeof makeRecord>[0]['facts'], extra = {}) =>
  makeRecord({ connector: 'prometheus', facts, ...extra });
const argocd = (facts: Parameters<typeof makeRecord>[0]['facts'], extra = {}) =>
  makeRecord({ connector: 'argocd', facts, ...extra });
const both = (extra: Partial<GatePolicyInput> = {}) => productionPolicy([errorRate, health], extra);

describe('evaluateGate: the decision for every status mix', () => {
  const statusCases: DecisionCase[] = [
    {
      name: 'all passed → pass',
      records: [prometheus([measuredFact('passed', 0.2)]), argocd([wordFact('passed', 'Healthy')])],
      policy: both(),
      decision: 'pass',
      facts: ['argocd/health passed', 'prometheus/error_rate passed'],
    },
    {
      name: 'one failed → fail',
      records: [prometheus([measuredFact('failed', 3)]), argocd([wordFact('passed', 'Healthy')])],
      policy: both(),
      decision: 'fail',
      facts: ['argocd/health passed', 'prometheus/error_rate failed threshold_breached'],
    },
    {
      name: 'one pending → hold',
      records: [
        prometheus([measuredFact('passed', 0.2)]),
        argocd([factWithReason('health', 'pending', 'in_progress')]),
      ],
      policy: both(),
      decision: 'hold',
      facts: ['argocd/health pending in_progress', 'prometheus/error_rate passed'],
    },
    {
      name: 'one unavailable, unavailable=block → hold',
      records: [
        prometheus([factWithReason('error_rate', 'unavailable', 'timeout')]),
        argocd([wordFact('passed', 'Healthy')]),
      ],
      policy: both(),
      decision: 'hold',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable timeout'],
    },
    {
      name: 'one unavailable, unavailable=ignore → pass, listed as ignored',
      records: [
        prometheus([factWithReason('error_rate', 'unavailable', 'timeout')]),
        argocd([wordFact('passed', 'Healthy')]),
      ],
      policy: both({ unavailable: 'ignore' }),
      decision: 'pass',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable timeout'],
      ignored: 1,
    },
    {
      name: 'failed and pending and unavailable → fail (failed wins)',
      records: [
        prometheus([measuredFact('failed', 2)]),
        argocd([factWithReason('health', 'pending', 'in_progress')]),
      ],
      policy: productionPolicy([errorRate, health, { connector: 'github', fact: 'checks' }]),
      decision: 'fail',
      facts: [
        'argocd/health pending in_progress',
        'github/checks unavailable no_data',
        'prometheus/error_rate failed threshold_breached',
      ],
    },
    {
      name: 'pending with unavailable=ignore → still hold',
      records: [
        prometheus([measuredFact('passed', 0.2)]),
        argocd([factWithReason('health', 'pending', 'awaiting_approval')]),
      ],
      policy: both({ unavailable: 'ignore' }),
      decision: 'hold',
      facts: ['argocd/health pending awaiting_approval', 'prometheus/error_rate passed'],
    },
    {
      name: 'failed with unavailable=ignore → still fail',
      records: [
        prometheus([measuredFact('failed', 5)]),
        argocd([factWithReason('health', 'unavailable', 'auth')]),
      ],
      policy: both({ unavailable: 'ignore' }),
      decision: 'fail',
      facts: ['argocd/health unavailable auth', 'prometheus/error_rate failed threshold_breached'],
      ignored: 1,
    },
    {
      name: 'every required fact unavailable with unavailable=ignore → hold (nothing proven)',
      records: [
        prometheus([factWithReason('error_rate', 'unavailable', 'timeout')]),
        argocd([factWithReason('health', 'unavailable', 'rate_limited')]),
      ],
      policy: both({ unavailable: 'ignore' }),
      decision: 'hold',
      facts: [
        'argocd/health unavailable rate_limited',
        'prometheus/error_rate unavailable timeout',
      ],
      ignored: 2,
    },
    {
      name: 'unavailable for a config reason is never ignored',
      records: [
        prometheus([factWithReason('error_rate', 'unavailable', 'config')]),
        argocd([wordFact('passed', 'Healthy')]),
      ],
      policy: both({ unavailable: 'ignore' }),
      decision: 'hold',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable config'],
    },
    {
      name: 'an environment-level ignore overrides a policy-wide block',
      records: [
        prometheus([factWithReason('error_rate', 'unavailable', 'timeout')]),
        argocd([wordFact('passed', 'Healthy')]),
      ],
      policy: parseGatePolicy({
        environments: { production: { required: [errorRate, health], unavailable: 'ignore' } },
        unavailable: 'block',
      }),
      decision: 'pass',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable timeout'],
      ignored: 1,
    },
  ];

  const freshnessCases: DecisionCase[] = [
    {
      name: "older than the record's maxAgeSeconds → stale, hold",
      records: [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: 3_601 })],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: 'exactly at maxAgeSeconds → still fresh, pass',
      records: [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: 3_600 })],
      policy: productionPolicy([errorRate]),
      decision: 'pass',
      facts: ['prometheus/error_rate passed'],
    },
    {
      name: 'older than a stricter policy maxAgeSeconds → stale',
      records: [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: 900 })],
      policy: productionPolicy([errorRate], { maxAgeSeconds: 600 }),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: "a policy maxAgeSeconds longer than the record's never extends it",
      records: [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: 7_200 })],
      policy: productionPolicy([errorRate], { maxAgeSeconds: 86_400 }),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: 'a stale failed fact is unavailable, not failed',
      records: [prometheus([measuredFact('failed', 4)], { observedSecondsAgo: 4_000 })],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: 'observed 30 s in the future (within clock skew) → trusted',
      records: [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: -30 })],
      policy: productionPolicy([errorRate]),
      decision: 'pass',
      facts: ['prometheus/error_rate passed'],
    },
    {
      name: 'observed an hour in the future → not trusted (stale), hold',
      records: [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: -3_600 })],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: 'stale with unavailable=ignore next to a passed fact → pass, stale listed',
      records: [
        prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: 99_999 }),
        argocd([wordFact('passed', 'Healthy')]),
      ],
      policy: both({ unavailable: 'ignore' }),
      decision: 'pass',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable stale'],
      ignored: 1,
    },
  ];

  const missingAndDuplicateCases: DecisionCase[] = [
    {
      name: 'the connector produced no record → no_data, hold',
      records: [argocd([wordFact('passed', 'Healthy')])],
      policy: both(),
      decision: 'hold',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable no_data'],
    },
    {
      name: 'the connector produced a record without the fact → no_data, hold',
      records: [
        prometheus([measuredFact('passed', 0.2, 'latency_p95')]),
        argocd([wordFact('passed', 'Healthy')]),
      ],
      policy: both(),
      decision: 'hold',
      facts: ['argocd/health passed', 'prometheus/error_rate unavailable no_data'],
    },
    {
      name: 'the fact from another connector does not count',
      records: [makeRecord({ connector: 'datadog', facts: [measuredFact('passed', 0.2)] })],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable no_data'],
    },
    {
      name: 'duplicates passed + failed → failed wins',
      records: [prometheus([measuredFact('passed', 0.2)]), prometheus([measuredFact('failed', 3)])],
      policy: productionPolicy([errorRate]),
      decision: 'fail',
      facts: ['prometheus/error_rate failed threshold_breached'],
    },
    {
      name: 'duplicates in one record passed + pending → pending wins',
      records: [
        prometheus([
          measuredFact('passed', 0.2),
          factWithReason('error_rate', 'pending', 'in_progress'),
        ]),
      ],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate pending in_progress'],
    },
    {
      name: 'duplicates fresh passed + stale passed → stale wins',
      records: [
        prometheus([measuredFact('passed', 0.2)]),
        prometheus([measuredFact('passed', 0.1)], { observedSecondsAgo: 10_000 }),
      ],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: 'duplicates unavailable + failed → failed wins',
      records: [
        prometheus([factWithReason('error_rate', 'unavailable', 'transient')]),
        prometheus([measuredFact('failed', 9)]),
      ],
      policy: productionPolicy([errorRate]),
      decision: 'fail',
      facts: ['prometheus/error_rate failed threshold_breached'],
    },
  ];

  const overrideCases: DecisionCase[] = [
    {
      name: 'override turns a measured pass into a fail (0.8% against < 0.5%)',
      records: [prometheus([measuredFact('passed', 0.8)])],
      policy: productionPolicy([{ ...errorRate, threshold: '< 0.5%' }]),
      decision: 'fail',
      facts: ['prometheus/error_rate failed threshold_breached'],
    },
    {
      name: 'override turns a measured fail into a pass (3% against < 5%)',
      records: [prometheus([measuredFact('failed', 3)])],
      policy: productionPolicy([{ ...errorRate, threshold: '< 5%' }]),
      decision: 'pass',
      facts: ['prometheus/error_rate passed'],
    },
    {
      name: 'override converts units (0.8% against < 0.01 ratio passes)',
      records: [prometheus([measuredFact('passed', 0.8)])],
      policy: productionPolicy([{ ...errorRate, threshold: '< 0.01 ratio' }]),
      decision: 'pass',
      facts: ['prometheus/error_rate passed'],
    },
    {
      name: 'override turns a word pass into a fail (Healthy against == Synced)',
      records: [argocd([wordFact('passed', 'Healthy')])],
      policy: productionPolicy([{ ...health, threshold: '== Synced' }]),
      decision: 'fail',
      facts: ['argocd/health failed threshold_breached'],
    },
    {
      name: 'override turns a word fail into a pass (Progressing in [Healthy, Progressing])',
      records: [argocd([wordFact('failed', 'Progressing')])],
      policy: productionPolicy([{ ...health, threshold: 'in [Healthy, Progressing]' }]),
      decision: 'pass',
      facts: ['argocd/health passed'],
    },
    {
      name: 'incomparable override (word threshold on a measured fact) → unavailable config',
      records: [prometheus([measuredFact('passed', 0.2)])],
      policy: productionPolicy([{ ...errorRate, threshold: '== Healthy' }]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable config'],
    },
    {
      name: 'incomparable override (other dimension: ms against %) → unavailable config',
      records: [prometheus([measuredFact('passed', 0.2)])],
      policy: productionPolicy([{ ...errorRate, threshold: '< 500ms' }], { unavailable: 'ignore' }),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable config'],
    },
    {
      name: 'override never turns a pending fact into a pass',
      records: [
        prometheus([factWithReason('error_rate', 'pending', 'in_progress', { value: '0.1%' })]),
      ],
      policy: productionPolicy([{ ...errorRate, threshold: '< 100%' }]),
      decision: 'hold',
      facts: ['prometheus/error_rate pending in_progress'],
    },
    {
      name: 'override never turns an unavailable fact into a pass',
      records: [prometheus([factWithReason('error_rate', 'unavailable', 'no_data')])],
      policy: productionPolicy([{ ...errorRate, threshold: '>= 0%' }]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable no_data'],
    },
    {
      name: 'override never turns a stale fact into a pass',
      records: [prometheus([measuredFact('failed', 3)], { observedSecondsAgo: 5_000 })],
      policy: productionPolicy([{ ...errorRate, threshold: '< 5%' }]),
      decision: 'hold',
      facts: ['prometheus/error_rate unavailable stale'],
    },
    {
      name: 'override never clears a failure the provider reported',
      records: [
        makeRecord({
          connector: 'github',
          facts: [factWithReason('checks', 'failed', 'provider_failed', { value: 'failure' })],
        }),
      ],
      policy: productionPolicy([
        { connector: 'github', fact: 'checks', threshold: 'in [success, failure]' },
      ]),
      decision: 'fail',
      facts: ['github/checks failed provider_failed'],
    },
    {
      name: 'override on a fact with neither measurement nor value → unavailable config',
      records: [argocd([{ name: 'health', status: 'passed' }])],
      policy: productionPolicy([{ ...health, threshold: '== Healthy' }]),
      decision: 'hold',
      facts: ['argocd/health unavailable config'],
    },
  ];

  const emptyCases: DecisionCase[] = [
    {
      name: 'no records → hold',
      records: [],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: [],
    },
    {
      name: 'empty policy (no environments) → hold',
      records: [prometheus([measuredFact('passed', 0.2)])],
      policy: parseGatePolicy({ environments: {} }),
      decision: 'hold',
      facts: [],
    },
    {
      name: 'environment with zero required facts → hold',
      records: [prometheus([measuredFact('passed', 0.2)])],
      policy: parseGatePolicy({ environments: { production: { required: [] } } }),
      decision: 'hold',
      facts: [],
    },
    {
      name: 'environment not listed falls back to "*"',
      records: [prometheus([measuredFact('passed', 0.2)], { environment: 'staging' })],
      policy: parseGatePolicy({ environments: { '*': { required: [errorRate] } } }),
      decision: 'pass',
      facts: ['prometheus/error_rate passed'],
    },
    {
      name: 'an exact environment entry wins over "*"',
      records: [prometheus([measuredFact('passed', 0.2)])],
      policy: parseGatePolicy({
        environments: { '*': { required: [errorRate] }, production: { required: [health] } },
      }),
      decision: 'hold',
      facts: ['argocd/health unavailable no_data'],
    },
    {
      name: 'an environment named like an Object.prototype member is not covered by accident',
      records: [prometheus([measuredFact('passed', 0.2)], { environment: 'constructor' })],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: [],
    },
    {
      name: 'a second service without its facts holds the release',
      records: [
        prometheus([measuredFact('passed', 0.2)]),
        makeRecord({
          connector: 'argocd',
          service: 'payments',
          facts: [wordFact('passed', 'Healthy')],
        }),
      ],
      policy: productionPolicy([errorRate]),
      decision: 'hold',
      facts: ['prometheus/error_rate passed', 'prometheus/error_rate unavailable no_data'],
    },
  ];

  for (const [title, cases] of [
    ['statuses', statusCases],
    ['freshness', freshnessCases],
    ['missing and duplicate facts', missingAndDuplicateCases],
    ['threshold overrides', overrideCases],
    ['empty input', emptyCases],
  ] as const) {
    describe(title, () => {
      it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_, testCase) => {
        const result = evaluateGate(testCase.records, testCase.policy, NOW);
        expect(result.decision).toBe(testCase.decision);
        expect(factLines(result)).toEqual(testCase.facts);
        expect(result.ignored).toHaveLength(testCase.ignored ?? 0);
        // Whatever the mix, a pass never has blocking findings and a non-pass always has one.
        expect(result.blocking.length === 0).toBe(testCase.decision === 'pass');
        expect(result.summary.startsWith(`${testCase.decision}:`)).toBe(true);
      });
    });
  }
});

describe('evaluateGate: golden decisions', () => {
  it('a failing release, in full', () => {
    const records = [
      prometheus([measuredFact('failed', 2.5), measuredFact('passed', 120, 'latency_p95')]),
      argocd([factWithReason('health', 'pending', 'in_progress', { value: 'Progressing' })]),
    ];
    const policy = productionPolicy([
      { ...errorRate, key: true, weight: 3 },
      { ...health, weight: 1 },
      { connector: 'github', fact: 'checks' },
    ]);
    const observedAt = '2026-11-21T11:59:00.000Z';
    expect(evaluateGate(records, policy, NOW)).toEqual({
      decision: 'fail',
      evaluatedAt: '2026-11-21T12:00:00.000Z',
      blocking: [
        {
          workspaceId: 'acme',
          service: 'checkout',
          environment: 'production',
          connector: 'prometheus',
          fact: 'error_rate',
          status: 'failed',
          value: '2.5%',
          threshold: '< 1%',
          reason: { code: 'threshold_breached', message: '2.5% is not < 1%' },
          action: 'Roll back and look at the error logs.',
          observedAt,
          key: true,
        },
        {
          workspaceId: 'acme',
          service: 'checkout',
          environment: 'production',
          connector: 'github',
          fact: 'checks',
          status: 'unavailable',
          reason: {
            code: 'no_data',
            message:
              'Connector "github" produced no evidence for service "checkout" in environment "production", so the required fact "checks" is missing.',
          },
          action:
            'Configure connector "github" to collect "checks" for this service and environment, or remove the fact from the gate policy.',
          key: false,
        },
        {
          workspaceId: 'acme',
          service: 'checkout',
          environment: 'production',
          connector: 'argocd',
          fact: 'health',
          status: 'pending',
          value: 'Progressing',
          reason: { code: 'in_progress', message: 'health is pending (in_progress)' },
          observedAt,
          key: false,
        },
      ],
      facts: [
        expect.objectContaining({ connector: 'argocd', fact: 'health', status: 'pending' }),
        expect.objectContaining({ connector: 'github', fact: 'checks', status: 'unavailable' }),
        expect.objectContaining({ connector: 'prometheus', fact: 'error_rate', status: 'failed' }),
      ],
      keyFacts: [expect.objectContaining({ connector: 'prometheus', fact: 'error_rate' })],
      advisory: [],
      ignored: [],
      score: 0,
      summary: 'fail: 0 of 3 required facts passed, 1 failed, 1 unavailable, 1 pending',
    });
  });

  it('a passing release with an ignored fact, a weighted score and an advisory fact', () => {
    const records = [
      prometheus([measuredFact('passed', 0.1), measuredFact('failed', 9, 'saturation')]),
      argocd([factWithReason('health', 'unavailable', 'timeout')]),
    ];
    const policy = productionPolicy(
      [
        { ...errorRate, weight: 3 },
        { ...health, weight: 1, key: true },
      ],
      { unavailable: 'ignore' },
    );
    const result = evaluateGate(records, policy, NOW);
    expect(result.decision).toBe('pass');
    expect(result.score).toBe(0.75);
    expect(result.ignored).toEqual([
      expect.objectContaining({ connector: 'argocd', fact: 'health', status: 'unavailable' }),
    ]);
    expect(result.keyFacts).toEqual(result.ignored);
    expect(result.advisory).toEqual([
      expect.objectContaining({ connector: 'prometheus', fact: 'saturation', status: 'failed' }),
    ]);
    expect(result.summary).toBe(
      'pass: 1 of 2 required facts passed, 1 unavailable ignored by the policy',
    );
  });

  it('orders blocking findings failed, unavailable, pending, then by service, environment, connector, fact', () => {
    const policy = parseGatePolicy({
      environments: {
        '*': { required: [errorRate, health, { connector: 'github', fact: 'checks' }] },
      },
    });
    const records = ['web', 'api'].flatMap((service) =>
      ['staging', 'production'].flatMap((environment) => [
        makeRecord({
          service,
          environment,
          facts: [factWithReason('error_rate', 'pending', 'in_progress')],
        }),
        makeRecord({
          service,
          environment,
          connector: 'argocd',
          facts: [wordFact('failed', 'Degraded')],
        }),
      ]),
    );
    const blocking = evaluateGate(records, policy, NOW).blocking.map(
      (finding) =>
        `${finding.status} ${finding.service}/${finding.environment} ${finding.connector}/${finding.fact}`,
    );
    expect(blocking).toEqual([
      'failed api/production argocd/health',
      'failed api/staging argocd/health',
      'failed web/production argocd/health',
      'failed web/staging argocd/health',
      'unavailable api/production github/checks',
      'unavailable api/staging github/checks',
      'unavailable web/production github/checks',
      'unavailable web/staging github/checks',
      'pending api/production prometheus/error_rate',
      'pending api/staging prometheus/error_rate',
      'pending web/production prometheus/error_rate',
      'pending web/staging prometheus/error_rate',
    ]);
  });

  it('groups by workspace too: the same service in another workspace must prove its own facts', () => {
    const records = [
      prometheus([measuredFact('passed', 0.2)]),
      makeRecord({
        workspaceId: 'other',
        connector: 'argocd',
        facts: [wordFact('passed', 'Healthy')],
      }),
    ];
    const result = evaluateGate(records, productionPolicy([errorRate]), NOW);
    expect(result.decision).toBe('hold');
    expect(result.blocking).toEqual([
      expect.objectContaining({
        workspaceId: 'other',
        status: 'unavailable',
        reason: expect.objectContaining({ code: 'no_data' }),
      }),
    ]);
  });

  it('explains the group-level holds', () => {
    const empty = evaluateGate([], productionPolicy([errorRate]), NOW);
    expect(empty.blocking).toEqual([
      expect.objectContaining({
        status: 'unavailable',
        reason: {
          code: 'no_data',
          message: 'No evidence records were given, so nothing is proven.',
        },
      }),
    ]);
    expect(empty.score).toBeUndefined();
    expect(empty.summary).toBe('hold: 0 of 0 required facts passed, 1 other blocking problem');

    const uncovered = evaluateGate(
      [prometheus([measuredFact('passed', 0.2)])],
      parseGatePolicy({ environments: { staging: { required: [errorRate] } } }),
      NOW,
    );
    expect(uncovered.blocking[0]?.reason?.code).toBe('config');
    expect(uncovered.blocking[0]?.reason?.message).toContain(
      'no entry for environment "production"',
    );

    const allIgnored = evaluateGate(
      [prometheus([factWithReason('error_rate', 'unavailable', 'timeout')])],
      productionPolicy([errorRate], { unavailable: 'ignore' }),
      NOW,
    );
    expect(allIgnored.blocking[0]?.reason?.message).toContain('None of the 1 required facts');
  });

  it('says how old stale evidence is, and which limit applied', () => {
    const [byPolicy] = evaluateGate(
      [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: 900 })],
      productionPolicy([errorRate], { maxAgeSeconds: 600 }),
      NOW,
    ).facts;
    expect(byPolicy?.reason?.message).toBe(
      'The evidence was observed 900 s ago (2026-11-21T11:45:00.000Z), older than the maximum age of 600 s set by the gate policy.',
    );
    const [future] = evaluateGate(
      [prometheus([measuredFact('failed', 3)], { observedSecondsAgo: -600 })],
      productionPolicy([errorRate]),
      NOW,
    ).facts;
    expect(future?.reason?.message).toContain('observed 600 s in the future');
    expect(future?.reason?.message).toContain('The fact itself was failed: 3% is not < 1%.');
  });

  it.each([
    ['NaN', Number.NaN],
    ['zero', 0],
    ['negative', -60],
    ['missing', undefined],
  ])('never treats a record with a %s maxAgeSeconds as fresh', (_name, maxAgeSeconds) => {
    const record = prometheus([measuredFact('passed', 0.2)]);
    // A record parsed from JSON without the schema can carry anything here.
    const malformed = {
      ...record,
      freshness: { ...record.freshness, maxAgeSeconds },
    } as unknown as EvidenceRecord;
    const decision = evaluateGate([malformed], productionPolicy([errorRate]), NOW);
    expect(decision.decision).toBe('hold');
    expect(decision.facts[0]?.reason?.code).toBe('stale');
    expect(decision.facts[0]?.reason?.message).toContain('freshness is unknown');
  });

  it('uses the stricter of an environment and a policy-wide maxAgeSeconds', () => {
    const policy = parseGatePolicy({
      environments: { production: { required: [errorRate], maxAgeSeconds: 300 } },
      maxAgeSeconds: 1_200,
    });
    const decide = (age: number) =>
      evaluateGate(
        [prometheus([measuredFact('passed', 0.2)], { observedSecondsAgo: age })],
        policy,
        NOW,
      ).decision;
    expect(decide(300)).toBe('pass');
    expect(decide(301)).toBe('hold');
  });

  it('shows the override as the threshold, and explains the re-judged verdict', () => {
    const [finding] = evaluateGate(
      [prometheus([measuredFact('passed', 0.8)])],
      productionPolicy([{ ...errorRate, threshold: '<0.5%' }]),
      NOW,
    ).facts;
    expect(finding).toMatchObject({
      status: 'failed',
      threshold: '< 0.5%',
      reason: {
        code: 'threshold_breached',
        message: 'the value "0.8%" is outside the threshold "< 0.5%" (gate policy override)',
      },
    });
    expect(finding?.action).toContain('< 0.5%');
  });

  it('holds a fact whose override does not parse in a policy built without parseGatePolicy', () => {
    const policy: GatePolicy = {
      environments: { production: { required: [{ ...errorRate, threshold: 'lower than 1%' }] } },
      unavailable: 'ignore',
    };
    const result = evaluateGate([prometheus([measuredFact('passed', 0.2)])], policy, NOW);
    expect(result.decision).toBe('hold');
    expect(result.facts[0]?.reason?.code).toBe('config');
    expect(result.facts[0]?.reason?.message).toContain('Invalid threshold "lower than 1%"');
  });

  it('refuses an invalid clock', () => {
    expect(() => evaluateGate([], productionPolicy([errorRate]), new Date(Number.NaN))).toThrow(
      ConfigurationError,
    );
  });
});
