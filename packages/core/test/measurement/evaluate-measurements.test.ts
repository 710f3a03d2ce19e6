import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import {
  evaluateMeasurements,
  type MeasurementResult,
} from '../../src/measurement/evaluate-measurements';
import type { MeasurementLimitsInput } from '../../src/measurement/measurement-limits-schema';
import type { MeasurementPhase } from '../../src/measurement/measurement-phase';
import { parseMeasurementLimits } from '../../src/measurement/parse-measurement-limits';

const STARTED_AT = new Date('2026-11-21T12:00:00.000Z');
const MINUTE = 60_000;
const at = (milliseconds: number) => new Date(STARTED_AT.getTime() + milliseconds);

const PHASE_LETTERS: Record<string, MeasurementPhase> = {
  S: 'successful',
  F: 'failed',
  I: 'inconclusive',
  E: 'error',
};

/** `"SFE"`: one measurement a minute, starting one minute after the start. */
function series(letters: string): MeasurementResult[] {
  return [...letters].map((letter, index) => {
    const phase = PHASE_LETTERS[letter];
    if (phase === undefined) throw new Error(`unknown phase letter ${letter}`);
    return { phase, takenAt: at((index + 1) * MINUTE) };
  });
}

interface AssessmentCase {
  name: string;
  measurements: string;
  limits: MeasurementLimitsInput;
  final?: boolean;
  phase: string;
  message: RegExp;
}

const every = { interval: '1m' } as const;

const cases: AssessmentCase[] = [
  // Count reached.
  {
    name: 'count reached, all successful',
    measurements: 'SSS',
    limits: { ...every, count: 3 },
    phase: 'successful',
    message: /count of 3 measurements reached: 3 successful/,
  },
  {
    name: 'count not reached yet',
    measurements: 'SS',
    limits: { ...every, count: 3 },
    phase: 'running',
    message: /2 of 3 measurements/,
  },
  {
    name: 'single measurement (no count, no interval), successful',
    measurements: 'S',
    limits: {},
    phase: 'successful',
    message: /count of 1/,
  },
  {
    name: 'single measurement, failed',
    measurements: 'F',
    limits: {},
    phase: 'failed',
    message: /1 failed measurements, more than the failure limit of 0/,
  },
  {
    name: 'single measurement, inconclusive',
    measurements: 'I',
    limits: {},
    phase: 'inconclusive',
    message: /more than the inconclusive limit of 0/,
  },
  {
    name: 'single measurement, error: retried, not concluded',
    measurements: 'E',
    limits: {},
    phase: 'running',
    message: /1 errors in a row/,
  },
  // Failure limit.
  {
    name: 'a failure with failureLimit 0 fails at once',
    measurements: 'SF',
    limits: { ...every, count: 3 },
    phase: 'failed',
    message: /failure limit of 0/,
  },
  {
    name: 'failures within failureLimit, count reached',
    measurements: 'SFS',
    limits: { ...every, count: 3, failureLimit: 1 },
    phase: 'successful',
    message: /2 successful, 1 failed/,
  },
  {
    name: 'failures above failureLimit',
    measurements: 'FSF',
    limits: { ...every, count: 3, failureLimit: 1 },
    phase: 'failed',
    message: /2 failed measurements, more than the failure limit of 1/,
  },
  {
    name: 'only failures within failureLimit: never successful (Argo would pass)',
    measurements: 'FFF',
    limits: { ...every, count: 3, failureLimit: 3 },
    phase: 'inconclusive',
    message: /without a single success/,
  },
  // Inconclusive limit.
  {
    name: 'inconclusive within inconclusiveLimit',
    measurements: 'ISS',
    limits: { ...every, count: 3, inconclusiveLimit: 1 },
    phase: 'successful',
    message: /1 inconclusive/,
  },
  {
    name: 'only inconclusive within inconclusiveLimit: never successful',
    measurements: 'II',
    limits: { ...every, count: 2, inconclusiveLimit: 2 },
    phase: 'inconclusive',
    message: /without a single success/,
  },
  // Consecutive errors.
  {
    name: '5 errors in a row exceed the default limit of 4',
    measurements: 'EEEEE',
    limits: { ...every, count: 3 },
    phase: 'error',
    message: /5 errors in a row, more than the consecutive error limit of 4/,
  },
  {
    name: '4 errors in a row: still running',
    measurements: 'EEEE',
    limits: { ...every, count: 3 },
    phase: 'running',
    message: /0 of 3 measurements, 4 errors in a row/,
  },
  {
    name: 'all errors below the limit at the end of count: not successful',
    measurements: 'EEE',
    limits: { ...every, count: 3 },
    phase: 'running',
    message: /0 of 3/,
  },
  {
    name: 'all errors below the limit, run stopped: inconclusive',
    measurements: 'EEE',
    limits: { ...every, count: 3 },
    final: true,
    phase: 'inconclusive',
    message: /no successful measurement/,
  },
  {
    name: 'consecutiveErrorLimit 0: the first error ends the run',
    measurements: 'SE',
    limits: { ...every, count: 3, consecutiveErrorLimit: 0 },
    phase: 'error',
    message: /1 errors in a row/,
  },
  {
    name: 'errors between successes reset and do not count toward count',
    measurements: 'EEEESEEEES',
    limits: { ...every, count: 2 },
    phase: 'successful',
    message: /2 successful/,
  },
  {
    name: 'a success resets the errors in a row',
    measurements: 'EEEESEEEE',
    limits: { ...every, count: 3 },
    phase: 'running',
    message: /1 of 3 measurements, 4 errors in a row/,
  },
  // Consecutive successes.
  {
    name: 'consecutiveSuccessLimit reached ends early',
    measurements: 'FFSS',
    limits: { ...every, failureLimit: -1, consecutiveSuccessLimit: 2 },
    phase: 'successful',
    message: /2 successful measurements in a row/,
  },
  {
    name: 'an error breaks successes in a row',
    measurements: 'SES',
    limits: { ...every, failureLimit: -1, consecutiveSuccessLimit: 2 },
    phase: 'running',
    message: /2 measurements so far/,
  },
  {
    name: 'an inconclusive breaks successes in a row',
    measurements: 'SIS',
    limits: { ...every, consecutiveSuccessLimit: 2, inconclusiveLimit: 1 },
    phase: 'running',
    message: /3 measurements so far/,
  },
  {
    name: 'count reached without enough successes in a row, failureLimit off: failed',
    measurements: 'SSFS',
    limits: { ...every, count: 4, failureLimit: -1, consecutiveSuccessLimit: 3 },
    phase: 'failed',
    message: /without 3 successes in a row/,
  },
  {
    name: 'count reached without enough successes in a row, failureLimit on: inconclusive',
    measurements: 'SSFS',
    limits: { ...every, count: 4, failureLimit: 1, consecutiveSuccessLimit: 3 },
    phase: 'inconclusive',
    message: /failure limit not crossed/,
  },
  {
    name: 'failureLimit crossed before successes in a row: failed',
    measurements: 'FSF',
    limits: { ...every, failureLimit: 1, consecutiveSuccessLimit: 2 },
    phase: 'failed',
    message: /failure limit of 1/,
  },
  // No count: runs until a limit ends it, or the host stops it.
  {
    name: 'interval only: keeps running',
    measurements: 'SSSS',
    limits: every,
    phase: 'running',
    message: /no count/,
  },
  {
    name: 'interval only, stopped after successes: successful',
    measurements: 'SSSS',
    limits: every,
    final: true,
    phase: 'successful',
    message: /stopped with no limit crossed: 4 successful/,
  },
  {
    name: 'interval only, stopped with errors at the end: inconclusive',
    measurements: 'SSE',
    limits: every,
    final: true,
    phase: 'inconclusive',
    message: /last 1 measurements were errors/,
  },
  {
    name: 'stopped with consecutiveSuccessLimit not reached: inconclusive',
    measurements: 'SS',
    limits: { ...every, consecutiveSuccessLimit: 3 },
    final: true,
    phase: 'inconclusive',
    message: /2 of 3 required successes in a row/,
  },
  {
    name: 'no measurements: running',
    measurements: '',
    limits: { ...every, count: 3 },
    phase: 'running',
    message: /0 of 3/,
  },
  {
    name: 'no measurements, stopped: inconclusive (Argo would pass)',
    measurements: '',
    limits: {},
    final: true,
    phase: 'inconclusive',
    message: /no successful measurement/,
  },
  // Evidence after the end.
  {
    name: 'a failure after a successful end: inconclusive',
    measurements: 'SSSF',
    limits: { ...every, count: 3 },
    phase: 'inconclusive',
    message: /but a later measurement was failed/,
  },
  {
    name: 'a failure after a failed end keeps it failed',
    measurements: 'FSS',
    limits: { ...every, count: 3 },
    phase: 'failed',
    message: /failure limit/,
  },
];

describe('evaluateMeasurements: the decision table', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_, testCase) => {
    const assessment = evaluateMeasurements(
      series(testCase.measurements),
      parseMeasurementLimits(testCase.limits),
      { startedAt: STARTED_AT, now: at(60 * MINUTE) },
      testCase.final === undefined ? {} : { final: testCase.final },
    );
    expect(assessment.phase).toBe(testCase.phase);
    expect(assessment.message).toMatch(testCase.message);
    expect(assessment.nextMeasurementAt !== undefined).toBe(testCase.phase === 'running');
  });
});

describe('evaluateMeasurements: counts, times and windows', () => {
  it('counts like Argo Rollouts: errors outside count, streaks at the end', () => {
    const assessment = evaluateMeasurements(
      series('SIEFSSE'),
      parseMeasurementLimits({ interval: '1m', failureLimit: 2, inconclusiveLimit: 2 }),
      { startedAt: STARTED_AT, now: at(60 * MINUTE) },
    );
    expect(assessment.counts).toEqual({
      measured: 5,
      successful: 3,
      failed: 1,
      inconclusive: 1,
      error: 2,
      consecutiveErrors: 1,
      consecutiveSuccesses: 0,
      ignored: 0,
    });
  });

  it.each([
    ['clock.startedAt', { startedAt: new Date(Number.NaN), now: at(60 * MINUTE) }],
    ['clock.now', { startedAt: STARTED_AT, now: new Date('not a date') }],
  ])(
    'refuses an invalid %s instead of placing measurements in an unknown window',
    (path, clock) => {
      const evaluate = () => evaluateMeasurements(series('S'), parseMeasurementLimits({}), clock);
      expect(evaluate).toThrow(ConfigurationError);
      expect(evaluate).toThrow(path);
    },
  );

  it('schedules the first measurement after the initial delay', () => {
    const assessment = evaluateMeasurements(
      [],
      parseMeasurementLimits({ count: 3, interval: '5m', initialDelay: '2m' }),
      { startedAt: STARTED_AT, now: STARTED_AT },
    );
    expect(assessment.nextMeasurementAt).toEqual(at(2 * MINUTE));
  });

  it('schedules the next measurement an interval after the last, and 10 s after an error', () => {
    const limits = parseMeasurementLimits({ count: 3, interval: '5m' });
    const afterSuccess = evaluateMeasurements(series('S'), limits, {
      startedAt: STARTED_AT,
      now: at(MINUTE),
    });
    expect(afterSuccess.nextMeasurementAt).toEqual(at(6 * MINUTE));
    const afterError = evaluateMeasurements(series('SE'), limits, {
      startedAt: STARTED_AT,
      now: at(2 * MINUTE),
    });
    expect(afterError.nextMeasurementAt).toEqual(at(2 * MINUTE + 10_000));
  });

  it('never schedules the next measurement in the past', () => {
    const assessment = evaluateMeasurements(
      series('S'),
      parseMeasurementLimits({ count: 3, interval: '5m' }),
      { startedAt: STARTED_AT, now: at(60 * MINUTE) },
    );
    expect(assessment.nextMeasurementAt).toEqual(at(60 * MINUTE));
  });

  it('ignores measurements before the initial delay, after now, or with no readable time', () => {
    const limits = parseMeasurementLimits({ count: 2, interval: '1m', initialDelay: '90s' });
    const measurements: MeasurementResult[] = [
      { phase: 'failed', takenAt: at(MINUTE) }, // during the initial delay
      { phase: 'successful', takenAt: at(2 * MINUTE).toISOString() },
      { phase: 'failed', takenAt: 'yesterday' },
      { phase: 'successful', takenAt: at(3 * MINUTE) },
      { phase: 'failed', takenAt: at(10 * MINUTE) }, // after now
    ];
    const assessment = evaluateMeasurements(measurements, limits, {
      startedAt: STARTED_AT,
      now: at(5 * MINUTE),
    });
    expect(assessment.phase).toBe('successful');
    expect(assessment.counts.ignored).toBe(3);
    expect(assessment.concludedAt).toEqual(at(3 * MINUTE));
  });

  it('replays measurements in time order, whatever order they are given in', () => {
    const limits = parseMeasurementLimits({ count: 2, interval: '1m' });
    const clock = { startedAt: STARTED_AT, now: at(10 * MINUTE) };
    const ordered = series('SF');
    const forward = evaluateMeasurements(ordered, limits, clock);
    const backward = evaluateMeasurements([...ordered].reverse(), limits, clock);
    expect(forward.phase).toBe('failed');
    expect(backward).toEqual(forward);
  });

  it('repeats the message of the concluding measurement', () => {
    const assessment = evaluateMeasurements(
      [{ phase: 'failed', takenAt: at(MINUTE), message: 'error rate 4% is not < 1%' }],
      parseMeasurementLimits({}),
      { startedAt: STARTED_AT, now: at(2 * MINUTE) },
    );
    expect(assessment.message).toBe(
      '1 failed measurements, more than the failure limit of 0 (last: error rate 4% is not < 1%)',
    );
  });
});
