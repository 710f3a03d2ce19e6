import { configureConnector } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import {
  type ConformanceCheckResult,
  type ConformanceReport,
  type ConnectorConformanceOptions,
  checkConnectorConformance,
} from '../src/index';
import {
  retriesOnItsOwnConnector,
  swallowsErrorsConnector,
} from './support/broken-status-page-connectors';
import {
  fabricatedObservedAtConnector,
  globalFetchConnector,
  leakingConnector,
  leaksInCheckFindingsConnector,
  leaksInRequestUrlConnector,
  nodeHttpConnector,
  passesOnEmptyListConnector,
  passOnEmptyRateConnector,
} from './support/six-mistakes-connectors';
import { statusPageConformance } from './support/status-page-conformance';
import { incidentsRoute, statusPageRoutes, summaryRoute } from './support/status-page-connector';

// The six mistakes, each made on purpose by one broken connector (and each variant of
// a mistake by its own), must each fail the check that names it, with a message saying which.

type AnyDefined = Parameters<typeof configureConnector>[0];

function optionsFor(
  connector: AnyDefined,
  change: (options: ConnectorConformanceOptions) => ConnectorConformanceOptions = (options) =>
    options,
): ConnectorConformanceOptions {
  return change(statusPageConformance((settings) => configureConnector(connector, settings)));
}

function check(report: ConformanceReport, name: string): ConformanceCheckResult | undefined {
  return report.checks.find((candidate) => candidate.name === name);
}

/** The suite's own hang guard fired for no run (each run ended on its own). */
function expectNoHungRun(report: ConformanceReport) {
  expect(
    report.checks.filter((candidate) => /did not (finish|end) within/.test(candidate.message)),
  ).toEqual([]);
}

describe('mistake 1: the secret in an output, in any form', () => {
  // Core's redactor already masks the whole secret and its base64 forms in records and logs
  // (canary-secret.test.ts covers the suite finding those); these are the forms that get past it.
  const percentEncoded = (token: string) =>
    [...token].map((character) => `%${character.charCodeAt(0).toString(16)}`).join('');

  it.each([
    {
      form: 'an 8-character piece',
      place: 'fact value',
      leak: (token: string) => token.slice(25, 33),
      where:
        /8-character piece of the secret \(characters 26–33\) in the happy path: record, fact page_indicator, field value/,
    },
    {
      form: 'a middle piece',
      place: 'reason',
      leak: (token: string) => token.slice(20, 30),
      where:
        /8-character piece of the secret \(characters 21–28\) in the happy path: record, fact open_incidents, field reason\.message/,
    },
    {
      form: 'the URL-encoded secret',
      place: 'warning',
      leak: percentEncoded,
      where: /the secret, URL-encoded in the happy path: record, warning token_hint, field message/,
    },
    {
      form: 'a piece starting with the prefix',
      place: 'providerMetadata',
      leak: (token: string) => token.slice(0, 12),
      where:
        /piece of the secret \(characters 2–9\) in the happy path: record, field providerMetadata\.status-page\.tokenHint/,
    },
  ] as const)(
    'finds $form in a $place, naming the scenario, the fact and the field',
    async ({ place, leak, where }) => {
      const report = await checkConnectorConformance(optionsFor(leakingConnector(place, leak)));
      const leakCheck = check(report, 'secrets:no-canary-in-output');
      expect(leakCheck?.status).toBe('failed');
      expect(leakCheck?.message).toMatch(where);
      // The fault runs leak too, each named by its scenario.
      expect(leakCheck?.message).toMatch(/in fault:[a-z-]+ GET/);
    },
  );

  it('finds a piece in check findings and in the runtime events', async () => {
    const findings = await checkConnectorConformance(optionsFor(leaksInCheckFindingsConnector));
    expect(check(findings, 'secrets:no-canary-in-output')?.message).toMatch(
      /in check:completes: check result, field findings\[0\]\.message/,
    );
    const events = await checkConnectorConformance(optionsFor(leaksInRequestUrlConnector));
    expect(check(events, 'secrets:no-canary-in-output')?.message).toMatch(
      /in the happy path: runtime event request\.start, field url/,
    );
  });

  it('never prints the secret or a piece of it in the report', async () => {
    const report = await checkConnectorConformance(
      optionsFor(leakingConnector('reason', (token) => token.slice(0, 20))),
    );
    expect(report.passed).toBe(false);
    // No 8-character run of letters and digits that starts with the canary's prefix.
    expect(JSON.stringify(report)).not.toMatch(/ekc4n4ry[A-Za-z0-9]/);
    expect(JSON.stringify(report)).not.toMatch(/kc4n4ry[A-Za-z0-9]{1}/);
  });
});

describe('mistake 2: a fabricated observedAt', () => {
  it.each([
    {
      variant: 'real clock',
      name: 'observed-at:not-real-clock',
      message: /the real time of the run.*Date\.now\(\)/,
    },
    {
      variant: 'future',
      name: 'observed-at:not-in-future',
      message: /6 h in the future of the engine's now\(\)/,
    },
    {
      variant: 'stale',
      name: 'observed-at:within-max-age',
      message: /1970-01-21T.*older than the engine's now\(\).*beyond maxAgeSeconds 300/,
    },
  ] as const)(
    'an observedAt from the $variant fails $name, saying which',
    async ({ variant, name, message }) => {
      const report = await checkConnectorConformance(
        optionsFor(fabricatedObservedAtConnector(variant)),
      );
      expect(check(report, name)).toMatchObject({
        status: 'failed',
        message: expect.stringMatching(message),
      });
      // The other fabrications are told apart (a real-clock time is also far in the virtual future).
      if (variant !== 'real clock')
        expect(check(report, 'observed-at:not-real-clock')?.status).toBe('passed');
    },
  );

  it('the good connector passes all three, its data time one minute before the derived clock', async () => {
    const report = await checkConnectorConformance(statusPageConformance());
    for (const name of [
      'observed-at:not-real-clock',
      'observed-at:not-in-future',
      'observed-at:within-max-age',
    ]) {
      expect(check(report, name)?.status).toBe('passed');
    }
  });

  it('judges against a declared clock, and names clock.now when it is not a date', async () => {
    const stale = await checkConnectorConformance({
      ...statusPageConformance(),
      clock: { now: '2025-01-16T12:00:00Z' },
    });
    expect(check(stale, 'observed-at:within-max-age')?.message).toMatch(
      /24 h older .*clock\.now \(2025-01-16T12:00:00\.000Z\)/,
    );
    const invalid = await checkConnectorConformance({
      ...statusPageConformance(),
      clock: { now: 'not a date' },
    });
    expect(check(invalid, 'conformance:run')?.message).toMatch(
      /clock\.now must be an ISO 8601 date-time/,
    );
  });
});

describe('mistakes 3 and 5: own retries and swallowed errors (kept)', () => {
  it('own retries fail retries:none-of-its-own', async () => {
    const report = await checkConnectorConformance(optionsFor(retriesOnItsOwnConnector));
    expect(check(report, 'retries:none-of-its-own')?.message).toMatch(
      /request\(s\) of GET .*the runtime alone makes/,
    );
  });

  it('swallowed errors fail the fault scenarios', async () => {
    const report = await checkConnectorConformance(optionsFor(swallowsErrorsConnector));
    expect(check(report, `fault:unauthorized ${incidentsRoute}`)?.message).toMatch(
      /open_incidents is passed, expected unavailable \(auth\)/,
    );
  });
});

describe('mistake 4: a pass on empty data', () => {
  it('is caught on a declared empty body', async () => {
    const report = await checkConnectorConformance(optionsFor(passesOnEmptyListConnector));
    expect(check(report, `fault:empty-result ${incidentsRoute}`)?.message).toMatch(
      /open_incidents is passed on an empty result, expected unavailable: no_data \(a pass on empty data\)/,
    );
  });

  it('is caught on an empty body derived from the happy one when none is declared', async () => {
    const report = await checkConnectorConformance(
      optionsFor(passesOnEmptyListConnector, (options) => ({
        ...options,
        primaryRoutes: [
          { route: incidentsRoute, pagination: 'link', facts: ['open_incidents'] },
          summaryRoute,
        ],
      })),
    );
    const empty = check(report, `fault:empty-result ${incidentsRoute}`);
    expect(empty?.status).toBe('failed');
    expect(empty?.message).toMatch(
      /open_incidents is passed on an empty result.*a pass on empty data/,
    );
    expect(empty?.message).toMatch(/derived from the happy body by emptying incidents/);
    // A body with no list to empty cannot be derived: skipped, with the reason.
    expect(check(report, `fault:empty-result ${summaryRoute}`)).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/no list or total to empty; declare the route's `emptyBody`/),
    });
  });

  it('a catalog that lets a percentage pass on empty is flagged', async () => {
    const report = await checkConnectorConformance(optionsFor(passOnEmptyRateConnector));
    expect(check(report, 'catalog:empty-rules')).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/fact "incident_share" \(%\) declares whenEmpty passed/),
    });
  });

  it('a happy body with no items makes the drift scenarios say why they fail', async () => {
    const report = await checkConnectorConformance(
      optionsFor(passesOnEmptyListConnector, (options) => ({
        ...options,
        routes: { ...statusPageRoutes, [incidentsRoute]: { json: { incidents: [] } } },
        expectations: {},
      })),
    );
    expect(check(report, `fault:schema-drift-wrong-types ${incidentsRoute}`)?.message).toMatch(
      /the happy-path body has no item in `incidents`, so the drift leaves the list as it is/,
    );
  });
});

describe('mistake 6: a request that bypasses the runtime', () => {
  it.each([
    { client: 'the global fetch', connector: globalFetchConnector },
    { client: 'node:https', connector: nodeHttpConnector },
  ])(
    '$client is reported as a request that did not go through the runtime, at once',
    async ({ connector }) => {
      const report = await checkConnectorConformance(optionsFor(connector));
      const bypass = check(report, 'transport:through-runtime');
      expect(bypass?.status).toBe('failed');
      expect(bypass?.message).toMatch(
        /^a request did not go through the runtime: GET https:\/\/status\.example\.test\/v1\/pages\/acme\/summary \(user-agent: .*\) in the happy path/,
      );
      // Reported directly: no run hung until the suite's guard cancelled it, and no timeout.
      expectNoHungRun(report);
      expect(
        report.checks
          .filter((candidate) => candidate.message.includes('timeout'))
          .map((c) => c.name),
      ).toEqual([]);
      // The fault scenarios, which would only repeat it, are skipped with that reason.
      expect(check(report, `fault:timeout ${summaryRoute}`)).toMatchObject({
        status: 'skipped',
        message: expect.stringMatching(/did not go through the runtime/),
      });
    },
  );
});
