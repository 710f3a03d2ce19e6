import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { parseGatePolicy } from '../../src/gate/parse-gate-policy';

function configurationErrorOf(input: unknown): ConfigurationError {
  try {
    parseGatePolicy(input);
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the policy to be refused');
}

describe('parseGatePolicy', () => {
  it('applies the defaults and keeps what was given', () => {
    const policy = parseGatePolicy({
      environments: {
        '*': { required: [{ connector: 'github', fact: 'checks' }] },
        production: {
          required: [
            { connector: 'prometheus', fact: 'error_rate', threshold: '< 0.5%', key: true },
          ],
          maxAgeSeconds: 600,
        },
      },
    });
    expect(policy.unavailable).toBe('block');
    expect(policy.maxAgeSeconds).toBeUndefined();
    expect(policy.environments.production).toEqual({
      required: [{ connector: 'prometheus', fact: 'error_rate', threshold: '< 0.5%', key: true }],
      maxAgeSeconds: 600,
    });
  });

  const invalid: ReadonlyArray<[name: string, input: unknown, path: string, expected: RegExp]> = [
    ['not an object', 'production', '', /object/],
    ['no environments', {}, 'environments', /object|record/],
    [
      'an unknown top-level key',
      { environments: {}, requried: [] },
      'requried',
      /"requried" is not one \(known: "environments"/,
    ],
    [
      'an unknown unavailable mode',
      { environments: {}, unavailable: 'warn' },
      'unavailable',
      /"block", "ignore"/,
    ],
    [
      'a fact name that is not snake_case',
      { environments: { production: { required: [{ connector: 'x', fact: 'Error-Rate' }] } } },
      'environments.production.required[0].fact',
      /snake_case/,
    ],
    [
      'an empty connector id',
      { environments: { production: { required: [{ connector: '', fact: 'a' }] } } },
      'environments.production.required[0].connector',
      /./,
    ],
    [
      'a weight of zero',
      { environments: { production: { required: [{ connector: 'x', fact: 'a', weight: 0 }] } } },
      'environments.production.required[0].weight',
      /./,
    ],
    [
      'a maximum age that is not a whole number',
      { environments: { production: { required: [], maxAgeSeconds: 1.5 } } },
      'environments.production.maxAgeSeconds',
      /int/,
    ],
    [
      'the same fact listed twice',
      {
        environments: {
          staging: {
            required: [
              { connector: 'x', fact: 'a' },
              { connector: 'x', fact: 'a', threshold: '> 1' },
            ],
          },
        },
      },
      'environments.staging.required[1]',
      /listed twice/,
    ],
  ];
  it.each(invalid)('refuses %s, naming the path', (_name, input, path, expected) => {
    const error = configurationErrorOf(input);
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.expected).toMatch(expected);
    expect(error.reason).toBe('config');
  });

  it('refuses a threshold override that does not parse, with the parser message and path', () => {
    const error = configurationErrorOf({
      environments: {
        production: {
          required: [
            { connector: 'prometheus', fact: 'error_rate', threshold: '< 1%' },
            { connector: 'prometheus', fact: 'latency_p95', threshold: '< 1 %x' },
          ],
        },
      },
    });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('environments.production.required[1].threshold');
    expect(error.issues[0]?.expected).toContain('Invalid threshold "< 1 %x" at position');
    expect(error.message).toContain('environments.production.required[1].threshold');
  });

  it('reports every bad path at once', () => {
    const error = configurationErrorOf({
      environments: {
        production: {
          required: [
            { connector: 'x', fact: 'BAD' },
            { connector: 'y', fact: 'ok', threshold: 'between 1 and 2' },
          ],
        },
      },
      unavailable: 'sometimes',
    });
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'environments.production.required[0].fact',
      'environments.production.required[1].threshold',
      'unavailable',
    ]);
  });
});

describe('parseGatePolicy with the connectors it is for', () => {
  const connectors = [
    {
      metadata: {
        id: 'trivy',
        facts: [{ name: 'critical_vulnerabilities' }, { name: 'medium_vulnerabilities' }],
      },
    },
    // A configured connector carries its definition under `connector`.
    {
      connector: {
        metadata: { id: 'prometheus', facts: [{ name: 'error_rate' }, { name: 'p95_latency' }] },
      },
    },
  ] as const;
  const policyOf = (connector: string, fact: string) => ({
    environments: { production: { required: [{ connector, fact }] } },
  });
  const refusedWith = (input: unknown) => {
    try {
      parseGatePolicy(input, { connectors: connectors as never });
    } catch (error) {
      if (ConfigurationError.isInstance(error)) return [...error.issues];
      throw error;
    }
    return [];
  };

  it('accepts entries that name known connectors and facts', () => {
    expect(refusedWith(policyOf('trivy', 'medium_vulnerabilities'))).toEqual([]);
    expect(refusedWith(policyOf('prometheus', 'p95_latency'))).toEqual([]);
  });

  it.each([
    [
      'a misspelt fact',
      'trivy',
      'medium_vulnerabilites',
      'environments.production.required[0].fact',
      /did you mean "medium_vulnerabilities"/,
    ],
    [
      'a fact of another connector',
      'trivy',
      'error_rate',
      'environments.production.required[0].fact',
      /"error_rate" is not one/,
    ],
    [
      'an unknown connector',
      'promethues',
      'error_rate',
      'environments.production.required[0].connector',
      /did you mean "prometheus"/,
    ],
  ])('refuses %s with the closest known name', (_name, connector, fact, path, expected) => {
    const issues = refusedWith(policyOf(connector, fact));
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.expected).toMatch(expected);
  });

  it('without connectors, checks only the policy itself (hosts that gate records from anywhere)', () => {
    expect(() => parseGatePolicy(policyOf('anything', 'any_fact'))).not.toThrow();
  });
});
