import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { parseDuration } from '../../src/measurement/parse-duration';
import { parseMeasurementLimits } from '../../src/measurement/parse-measurement-limits';

function issuesOf(input: unknown): Array<{ path: string; expected: string }> {
  try {
    parseMeasurementLimits(input, 'analysis');
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return [...error.issues];
    throw error;
  }
  throw new Error('expected the limits to be refused');
}

describe('measurementLimitsSchema', () => {
  it('applies the Argo Rollouts defaults', () => {
    expect(parseMeasurementLimits({})).toEqual({
      initialDelayMs: 0,
      failureLimit: 0,
      inconclusiveLimit: 0,
      consecutiveErrorLimit: 4,
      consecutiveSuccessLimit: 0,
    });
  });

  it('reads durations as text or seconds', () => {
    expect(parseMeasurementLimits({ count: 5, interval: '1m30s', initialDelay: 45 })).toMatchObject(
      {
        count: 5,
        intervalMs: 90_000,
        initialDelayMs: 45_000,
      },
    );
  });

  // Every millisecond value in the public API ends in `Ms` (`timeoutMs`, `maxWaitMs`), so a
  // parsed duration named any other way is a naming defect, whatever the field.
  it.each([
    {},
    { count: 3, interval: '1m', initialDelay: '30s' },
    { interval: 90, initialDelay: 0 },
  ])('names every parsed duration …Ms (%j)', (input) => {
    const durationKeys = Object.keys(parseMeasurementLimits(input)).filter((key) =>
      /interval|delay|timeout|duration|wait|age/i.test(key),
    );
    expect(durationKeys.length).toBeGreaterThan(0);
    for (const key of durationKeys) expect(key).toMatch(/[a-z]Ms$/);
  });

  const invalid: ReadonlyArray<[name: string, input: unknown, path: string, expected: RegExp]> = [
    ['count > 1 without an interval', { count: 3 }, 'analysis.interval', /because count is 3/],
    [
      'both limits off',
      { failureLimit: -1 },
      'analysis.consecutiveSuccessLimit',
      /cannot both be off/,
    ],
    ['failureLimit below -1', { failureLimit: -2 }, 'analysis.failureLimit', /-1/],
    [
      'count below failureLimit + consecutiveSuccessLimit',
      { count: 4, interval: '1m', failureLimit: 2, consecutiveSuccessLimit: 3 },
      'analysis.count',
      /at least 5/,
    ],
    [
      'count below inconclusiveLimit',
      { count: 2, interval: '1m', inconclusiveLimit: 3 },
      'analysis.count',
      /inconclusiveLimit \(3\)/,
    ],
    ['a duration in words', { interval: '5 minutes' }, 'analysis.interval', /"30s"/],
    ['a zero interval', { interval: '0s' }, 'analysis.interval', /above 0/],
    ['a negative delay', { initialDelay: -1 }, 'analysis.initialDelay', /./],
    ['a fractional count', { count: 1.5 }, 'analysis.count', /int/],
    [
      'a negative consecutiveErrorLimit',
      { consecutiveErrorLimit: -1 },
      'analysis.consecutiveErrorLimit',
      /./,
    ],
    [
      'an unknown field',
      { failureLimits: 2 },
      'analysis.failureLimits',
      /did you mean "failureLimit"/,
    ],
  ];
  it.each(invalid)('refuses %s', (_name, input, path, expected) => {
    const issues = issuesOf(input);
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.expected).toMatch(expected);
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1_500],
  ] as const)('reads %s', (text, milliseconds) => {
    expect(parseDuration(text)).toBe(milliseconds);
  });

  it.each(['', '5', '-5s', '5 m', '5d', 'm5', '1h 30m'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
