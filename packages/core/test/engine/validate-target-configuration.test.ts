import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configureConnector } from '../../src/contract/configured-connector';
import { defineConnector } from '../../src/contract/v1/define-connector';
import { collectEvidence } from '../../src/engine/collect-evidence';
import { validateTargetConfiguration } from '../../src/engine/validate-target-configuration';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { createRuntime } from '../../src/runtime/create-runtime';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import { secretReferenceSchema } from '../../src/runtime/secrets/secret-reference';
import { createSecretResolver } from '../../src/runtime/secrets/secret-resolver';
import { scope } from './fixtures';

const canary = 'canary-secret-value-7f3a9c';

const connector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'strict',
    displayName: 'Strict',
    category: 'custom',
    maturity: 'native-pull',
    credential: 'required',
    scope: { minimum: 'one service', avoid: 'nothing' },
    defaultMaxAgeSeconds: 300,
    facts: [
      {
        name: 'error_rate',
        description: 'share of failed requests',
        unit: '%',
        defaultThreshold: '< 1%',
        defaultAction: 'Investigate.',
      },
      {
        name: 'medium_vulnerabilities',
        description: 'medium CVEs',
        unit: 'count',
        defaultThreshold: '<= 10',
        defaultAction: 'Patch.',
      },
    ],
  },
  configSchema: z.strictObject({
    baseUrl: z.url(),
    tenantId: z.string().optional(),
    auth: z
      .discriminatedUnion('type', [
        z.strictObject({ type: z.literal('bearer'), token: secretReferenceSchema().describe('t') }),
        z.strictObject({
          type: z.literal('basic'),
          username: z.string(),
          password: secretReferenceSchema().optional(),
        }),
      ])
      .optional(),
    extraHeaders: z.record(z.string(), secretReferenceSchema()).optional(),
  }),
  selectorSchema: z.strictObject({ service: z.string().min(1) }),
  async doCheck() {
    return { ok: true, findings: [] };
  },
  async doCollect() {
    return { facts: [{ name: 'error_rate', kind: 'measured', value: 0, unit: 'ratio' }] };
  },
});

function runtimeWithEnvironment(environment: Record<string, string>) {
  const redactor = createRedactor();
  return createRuntime({ redactor, secrets: createSecretResolver({ redactor, environment }) });
}

async function issuesOf(
  target: Parameters<typeof validateTargetConfiguration>[0],
  environment: Record<string, string> = {},
) {
  const runtime = runtimeWithEnvironment(environment);
  try {
    await validateTargetConfiguration(target, { runtime });
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return { error, issues: [...error.issues] };
    throw error;
  } finally {
    await runtime.close();
  }
  return { error: undefined, issues: [] };
}

describe('validateTargetConfiguration', () => {
  it('accepts a complete, correct target whose secrets resolve', async () => {
    const { issues } = await issuesOf(
      {
        connector: configureConnector(connector, {
          baseUrl: 'https://metrics.example.test',
          auth: { type: 'bearer', token: 'env:METRICS_TOKEN' },
        }),
        scope: scope('checkout'),
        selector: { service: 'checkout' },
        thresholds: { error_rate: '< 0.5%' },
      },
      { METRICS_TOKEN: canary },
    );
    expect(issues).toEqual([]);
  });

  // Each row is one class of configuration mistake; the path names where it is.
  const mistakes: ReadonlyArray<
    [
      name: string,
      settings: Record<string, unknown>,
      extra: Record<string, unknown>,
      path: string,
      expected: RegExp,
    ]
  > = [
    [
      'a misspelt top-level setting',
      { baseURL: 'https://x.test', baseUrl: 'https://x.test' },
      {},
      'settings.baseURL',
      /did you mean "baseUrl"/,
    ],
    [
      'a misspelt setting in another case',
      { baseUrl: 'https://x.test', tenantID: 'a' },
      {},
      'settings.tenantID',
      /did you mean "tenantId"/,
    ],
    [
      'a misspelt key inside a union member',
      {
        baseUrl: 'https://x.test',
        auth: { type: 'bearer', tokn: 'env:METRICS_TOKEN', token: 'env:METRICS_TOKEN' },
      },
      {},
      'settings.auth.tokn',
      /did you mean "token"/,
    ],
    [
      'an unknown selector key',
      { baseUrl: 'https://x.test' },
      { selector: { service: 'a', servce: 'b' } },
      'selector.servce',
      /did you mean "service"/,
    ],
    [
      'a threshold override naming an unknown fact',
      { baseUrl: 'https://x.test' },
      { thresholds: { medium_vulnerabilites: '== 0' } },
      'thresholds.medium_vulnerabilites',
      /did you mean "medium_vulnerabilities"/,
    ],
    [
      'a threshold override that does not parse',
      { baseUrl: 'https://x.test' },
      { thresholds: { error_rate: '<<1' } },
      'thresholds.error_rate',
      /valid threshold/,
    ],
    [
      'a maximum age that is not whole',
      { baseUrl: 'https://x.test' },
      { maxAgeSeconds: 1.5 },
      'maxAgeSeconds',
      /whole number/,
    ],
    [
      'a secret reference that does not resolve',
      { baseUrl: 'https://x.test', auth: { type: 'bearer', token: 'env:MISSING_TOKEN' } },
      {},
      'settings.auth.token',
      /env:MISSING_TOKEN/,
    ],
    [
      'a missing secret in a record of references',
      { baseUrl: 'https://x.test', extraHeaders: { 'x-api-key': 'env:MISSING_KEY' } },
      {},
      'settings.extraHeaders.x-api-key',
      /env:MISSING_KEY/,
    ],
  ];
  it.each(mistakes)(
    'reports %s, naming the path',
    async (_name, settings, extra, path, expected) => {
      const { issues, error } = await issuesOf(
        {
          connector: configureConnector(connector, settings as never),
          scope: scope('checkout'),
          selector: { service: 'checkout' },
          ...extra,
        },
        { METRICS_TOKEN: canary },
      );
      const issue = issues.find((candidate) => candidate.path === path);
      expect(issue, JSON.stringify(issues)).toBeDefined();
      expect(`${issue?.expected} ${issue?.received ?? ''}`).toMatch(expected);
      expect(error?.message).not.toContain(canary);
    },
  );

  it('reports a scope that no record could carry, naming the field', async () => {
    const { issues } = await issuesOf({
      connector: configureConnector(connector, { baseUrl: 'https://x.test' }),
      scope: { ...scope('checkout'), release: { version: '1.0.0', commit: 'a' } },
      selector: { service: 'checkout' },
    });
    expect(issues.map((issue) => issue.path)).toContain('scope.release.commit');
  });

  it('reports every mistake at once, so one run shows the whole list', async () => {
    const { issues } = await issuesOf({
      connector: configureConnector(connector, {
        baseUrl: 'https://x.test',
        tenantID: 'a',
      } as never),
      scope: scope('checkout'),
      selector: { service: 'checkout', servce: 'b' } as never,
      thresholds: { eror_rate: '< 1%' } as never,
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'selector.servce',
      'settings.tenantID',
      'thresholds.eror_rate',
    ]);
  });
});

describe('collectEvidence with a threshold override for an unknown fact', () => {
  it('makes the target unavailable for configuration instead of ignoring the override', async () => {
    const runtime = runtimeWithEnvironment({});
    const records = await Array.fromAsync(
      collectEvidence({
        runtime,
        targets: [
          {
            connector: configureConnector(connector, { baseUrl: 'https://x.test' }),
            scope: scope('checkout'),
            selector: { service: 'checkout' },
            thresholds: { medium_vulnerabilites: '== 0' } as never,
          },
        ],
      }),
    );
    await runtime.close();
    const facts = records[0]?.facts ?? [];
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact.status).toBe('unavailable');
      expect(fact.reason?.code).toBe('config');
      expect(fact.reason?.message).toMatch(/did you mean "medium_vulnerabilities"/);
    }
  });
});
