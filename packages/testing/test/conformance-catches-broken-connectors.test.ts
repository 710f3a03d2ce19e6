import { describe, expect, it } from 'vitest';
import { type ConformanceReport, checkConnectorConformance } from '../src/index';
import {
  configureBroken,
  dropsStaticFactConnector,
  leakySecretConnector,
  looseSettingsConnector,
  passesOnEmptyConnector,
  retriesOnItsOwnConnector,
  swallowsErrorsConnector,
  throwingCatalogConnector,
} from './support/broken-status-page-connectors';
import { statusPageConformance } from './support/status-page-conformance';

function failedChecks(report: ConformanceReport): string[] {
  return report.checks.filter((check) => check.status === 'failed').map((check) => check.name);
}

describe('the conformance suite catches broken connectors', () => {
  it.each([
    {
      broken: 'leaks the secret into a warning and the logs',
      connector: leakySecretConnector,
      mustFail: ['secrets:no-canary-in-output'],
    },
    {
      broken: 'passes on empty or unreadable data',
      connector: passesOnEmptyConnector,
      mustFail: [
        'fault:schema-drift-missing-fields GET /v1/pages/:page/summary',
        'fault:schema-drift-renamed-fields GET /v1/pages/:page/summary',
      ],
    },
    {
      broken: 'retries on its own',
      connector: retriesOnItsOwnConnector,
      mustFail: ['retries:none-of-its-own'],
    },
    {
      broken: 'silently drops unknown settings and selector keys',
      connector: looseSettingsConnector,
      mustFail: ['settings:strict', 'selector:strict'],
    },
    {
      broken: 'builds a settings catalog without a static fact',
      connector: dropsStaticFactConnector,
      mustFail: ['catalog:settings-dependent'],
    },
    {
      broken: 'has a settings catalog that throws',
      connector: throwingCatalogConnector,
      mustFail: ['catalog:settings-dependent', 'happy-path:valid-evidence'],
    },
    {
      broken: 'swallows errors into passed',
      connector: swallowsErrorsConnector,
      mustFail: [
        'fault:unauthorized GET /v1/pages/:page/incidents',
        'fault:timeout GET /v1/pages/:page/summary',
        'fault:service-unavailable-persistent GET /v1/pages/:page/incidents',
      ],
    },
  ])(
    'a connector that $broken fails the right checks',
    { timeout: 60_000 },
    async ({ connector, mustFail }) => {
      const report = await checkConnectorConformance(
        statusPageConformance(configureBroken(connector as never)),
      );
      expect(report.passed).toBe(false);
      expect(failedChecks(report)).toEqual(expect.arrayContaining(mustFail));
      // The metadata is the good connector's: failures are about behaviour, not description.
      expect(failedChecks(report).filter((name) => name.startsWith('metadata:'))).toEqual([]);
    },
  );

  it('names the leak without printing the secret', { timeout: 60_000 }, async () => {
    const report = await checkConnectorConformance(
      statusPageConformance(configureBroken(leakySecretConnector as never)),
    );
    const leak = report.checks.find((check) => check.name === 'secrets:no-canary-in-output');
    expect(leak?.message).toMatch(/secret/);
    expect(JSON.stringify(report)).not.toMatch(/ekc4n4ry[A-Za-z0-9]/);
  });
});
