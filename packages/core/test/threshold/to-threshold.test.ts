import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { ThresholdSyntaxError } from '../../src/errors/threshold-syntax-error';
import type { Threshold } from '../../src/threshold/threshold';
import { toThreshold } from '../../src/threshold/to-threshold';

function catchConfigurationError(input: unknown): ConfigurationError {
  try {
    toThreshold(input as Threshold);
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('toThreshold', () => {
  it('parses text', () => {
    expect(toThreshold('in [Synced, Healthy]')).toEqual({
      type: 'membership',
      negated: false,
      words: ['Synced', 'Healthy'],
    });
  });

  it('throws ThresholdSyntaxError for text that does not parse', () => {
    expect(() => toThreshold('< 1 %x')).toThrow(ThresholdSyntaxError);
  });

  it('returns a validated copy of a structured threshold', () => {
    const words = ['Synced'];
    const input: Threshold = { type: 'membership', negated: false, words };
    const threshold = toThreshold(input);
    words.push('Degraded');
    expect(threshold).toEqual({ type: 'membership', negated: false, words: ['Synced'] });
  });

  it('names the field and what was expected for a malformed structured threshold', () => {
    const error = catchConfigurationError({
      type: 'comparison',
      operator: '<',
      value: '1',
      unit: 'pct',
    });
    expect(error.reason).toBe('config');
    expect(error.issues).toEqual([
      { path: 'threshold.value', expected: 'number, received string' },
      { path: 'threshold.unit', expected: expect.stringContaining('"MiB"') },
    ]);
  });

  it('names list positions and unknown fields', () => {
    expect(
      catchConfigurationError({ type: 'membership', negated: false, words: ['ok', ''] }).issues,
    ).toEqual([
      { path: 'threshold.words[1]', expected: 'a non-empty word without control characters' },
    ]);
    expect(
      catchConfigurationError({ type: 'word', operator: '==', word: 'Healthy', extra: 1 }).issues,
    ).toEqual([{ path: 'threshold', expected: 'no other fields', received: '"extra"' }]);
  });

  it('refuses values that are neither text nor an object', () => {
    for (const input of [null, undefined, 5, true]) {
      expect(catchConfigurationError(input).issues[0]?.path).toBe('threshold');
    }
  });
});
