import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJunitReport } from '../../src/report/render-junit-report';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import { findAll, parseXml } from './support/parse-xml';
import {
  decide,
  failedLatency,
  makeRecord,
  passedErrorRate,
  pendingRollout,
  unavailableHealth,
} from './support/report-fixtures';

const production = [
  makeRecord({ facts: [passedErrorRate, failedLatency], observedAt: '2026-11-21T11:58:00Z' }),
  makeRecord({
    connector: 'argocd',
    facts: [unavailableHealth],
    observedAt: '2026-11-21T11:50:30.250Z',
  }),
  makeRecord({ connector: 'argo-rollouts', facts: [pendingRollout] }),
];
const staging = makeRecord({ environment: 'staging', facts: [passedErrorRate] });

describe('renderJunitReport: structure', () => {
  const root = parseXml(renderJunitReport({ records: [...production, staging] }));
  const suites = findAll(root, 'testsuite');

  it('writes one suite per service and environment and one case per fact', () => {
    expect(root.name).toBe('testsuites');
    expect(suites.map((suite) => suite.attributes.name)).toEqual([
      'checkout-api / production',
      'checkout-api / staging',
    ]);
    expect(findAll(suites[0] ?? root, 'testcase').map((test) => test.attributes.name)).toEqual([
      'rollout_phase',
      'health',
      'error_rate',
      'p95_latency',
    ]);
  });

  it('makes failed, unavailable and pending facts failures; never error or skipped', () => {
    const failures = findAll(root, 'failure');
    expect(failures.map((failure) => failure.attributes.type)).toEqual([
      'pending',
      'unavailable',
      'failed',
    ]);
    expect(findAll(root, 'skipped')).toEqual([]);
    expect(findAll(root, 'error')).toEqual([]);
    expect(root.attributes).toMatchObject({ tests: '5', failures: '3', errors: '0', skipped: '0' });
    expect(suites[0]?.attributes).toMatchObject({ tests: '4', failures: '3' });
    expect(suites[1]?.attributes).toMatchObject({ tests: '1', failures: '0' });
  });

  it('carries reason, action, value and threshold, and dates the suite by its oldest observation', () => {
    const [latency] = findAll(root, 'failure').filter((f) => f.attributes.type === 'failed');
    expect(latency?.attributes.message).toBe('threshold_breached: 742ms does not meet < 500ms');
    expect(latency?.text).toContain('value: 742ms');
    expect(latency?.text).toContain('threshold: < 500ms');
    expect(latency?.text).toContain('action: Find the slow endpoint');
    expect(suites[0]?.attributes.timestamp).toBe('2026-11-21T11:50:30Z');
    const passed = findAll(suites[1] ?? root, 'system-out')[0];
    expect(passed?.text).toContain('value: 0.02%');
  });
});

describe('renderJunitReport: nothing unproven looks green', () => {
  it('makes "no records" a failure', () => {
    const root = parseXml(renderJunitReport({ records: [] }));
    expect(findAll(root, 'failure').map((f) => f.attributes.type)).toEqual(['unavailable']);
  });

  it('makes a record without facts a failure', () => {
    const root = parseXml(renderJunitReport({ records: [makeRecord({ facts: [] })] }));
    expect(findAll(root, 'failure')[0]?.attributes.message).toBe(
      'no_data: prometheus reported no facts',
    );
  });

  it.each([
    ['hold', 'argo-rollouts', 'rollout_phase'],
    ['fail', 'prometheus', 'p95_latency'],
  ])(
    'adds a release gate suite whose decision case fails on %s and names the blocking fact',
    (word, connector, fact) => {
      const decision = decide(production, [{ connector, fact }]);
      const root = parseXml(renderJunitReport({ records: production, decision }));
      const gate = findAll(root, 'testsuite').find((s) => s.attributes.name === 'release gate');
      const cases = findAll(gate ?? root, 'testcase');
      // The blocking fact is a test case of its service's suite already: not repeated here.
      expect(cases.map((testCase) => testCase.attributes.name)).toEqual(['decision']);
      const failure = findAll(cases[0] ?? root, 'failure')[0];
      expect(failure?.attributes.message).toMatch(new RegExp(`^${word}: \\d+ of \\d+ required`));
      expect(failure?.text).toContain(`blocking: checkout-api/production ${connector} ${fact}`);
    },
  );

  it('writes one failure per failed fact, whatever the facts and the policy (property)', () => {
    const statuses = ['passed', 'failed', 'unavailable', 'pending'] as const;
    const templates = {
      passed: passedErrorRate,
      failed: failedLatency,
      unavailable: unavailableHealth,
      pending: pendingRollout,
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            connector: fc.constantFrom('prometheus', 'argocd'),
            environment: fc.constantFrom('production', 'staging'),
            facts: fc.uniqueArray(
              fc.record({
                name: fc.constantFrom('a', 'b', 'c'),
                status: fc.constantFrom(...statuses),
              }),
              { selector: (fact) => fact.name, maxLength: 3 },
            ),
          }),
          { maxLength: 4 },
        ),
        fc.uniqueArray(
          fc.record({
            connector: fc.constantFrom('prometheus', 'argocd'),
            fact: fc.constantFrom('a', 'b', 'c', 'd'),
          }),
          {
            selector: (required) => `${required.connector}/${required.fact}`,
            minLength: 1,
            maxLength: 4,
          },
        ),
        (specs, required) => {
          // One record per connector and environment, as a run produces.
          const unique = specs.filter(
            (spec, index) =>
              specs.findIndex(
                (other) =>
                  other.connector === spec.connector && other.environment === spec.environment,
              ) === index,
          );
          const records = unique.map((spec) =>
            makeRecord({
              connector: spec.connector,
              environment: spec.environment,
              facts: spec.facts.map((fact) => ({ ...templates[fact.status], name: fact.name })),
            }),
          );
          const decision = decide(records, required);
          const root = parseXml(renderJunitReport({ records, decision }));
          const failing = findAll(root, 'testcase')
            .filter((testCase) => findAll(testCase, 'failure').length > 0)
            .map(
              (testCase) =>
                `${(testCase.attributes.classname ?? '').replace(/^release gate\/?/, '')}|${testCase.attributes.name}`,
            );
          expect(new Set(failing).size).toBe(failing.length);
          for (const failure of findAll(root, 'failure')) {
            expect(failure.attributes.message ?? '').not.toMatch(/\b(\w+): \1:/);
          }
          const notPassed = records
            .flatMap((record) => record.facts)
            .filter((fact) => fact.status !== 'passed').length;
          expect(findAll(root, 'failure').length).toBeGreaterThanOrEqual(notPassed);
        },
      ),
    );
  });

  it('shows a gate problem without a fact (an environment nobody covered) as a failure', () => {
    const decision = decide([], [{ connector: 'prometheus', fact: 'error_rate' }]);
    const root = parseXml(renderJunitReport({ records: [], decision }));
    const gate = findAll(root, 'testsuite').find((s) => s.attributes.name === 'release gate');
    expect(findAll(gate ?? root, 'failure').length).toBeGreaterThanOrEqual(2);
  });

  it('passes the decision case when the gate passes', () => {
    const decision = decide(production, [{ connector: 'prometheus', fact: 'error_rate' }]);
    const root = parseXml(renderJunitReport({ records: production, decision }));
    const gate = findAll(root, 'testsuite').find((s) => s.attributes.name === 'release gate');
    expect(gate?.attributes.failures).toBe('0');
  });
});

describe('renderJunitReport: escaping', () => {
  const nasty = `quote " apos ' amp & lt < gt > ]]> tab\there\nnewline \u0000\u0008\u001b[31m \uD800 lone, pair \u{1F600}, café`;
  const record = makeRecord({
    service: `svc "${nasty}"`,
    facts: [
      { ...failedLatency, value: nasty, reason: { code: 'threshold_breached', message: nasty } },
    ],
  });
  const xml = renderJunitReport({ records: [record] });

  it('stays well-formed XML with hostile text in attributes and content', () => {
    expect(() => parseXml(xml)).not.toThrow();
  });

  it('keeps the readable text and drops only the characters XML cannot carry', () => {
    const failure = findAll(parseXml(xml), 'failure')[0];
    const expected = `quote " apos ' amp & lt < gt > ]]> tab\there\nnewline [31m  lone, pair \u{1F600}, café`;
    expect(failure?.attributes.message).toBe(`threshold_breached: ${expected}`);
    expect(failure?.text).toContain(`value: ${expected}`);
  });

  it('masks registered secrets when a redactor is given', () => {
    const redactor = createRedactor();
    redactor.register('canary-secret-value-123');
    const leaky = makeRecord({
      facts: [{ ...failedLatency, action: 'use canary-secret-value-123' }],
    });
    expect(renderJunitReport({ records: [leaky], redactor })).not.toContain(
      'canary-secret-value-123',
    );
  });
});
