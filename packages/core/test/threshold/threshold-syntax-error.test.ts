import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { EvidencekitError } from '../../src/errors/evidencekit-error';
import { ThresholdSyntaxError } from '../../src/errors/threshold-syntax-error';

describe('ThresholdSyntaxError', () => {
  const error = new ThresholdSyntaxError({
    text: '< 1 %x',
    position: 5,
    expected: 'end of threshold',
  });

  it('is a configuration problem with a stable code', () => {
    expect(error.name).toBe('ThresholdSyntaxError');
    expect(error.code).toBe('threshold_syntax_error');
    expect(error.reason).toBe('config');
    expect(error).toBeInstanceOf(EvidencekitError);
    expect(EvidencekitError.isInstance(error)).toBe(true);
    expect(ConfigurationError.isInstance(error)).toBe(false);
  });

  it('keeps the text, the position and what was expected', () => {
    expect(error.message).toBe(
      'Invalid threshold "< 1 %x" at position 5: expected end of threshold',
    );
    expect({ text: error.text, position: error.position, expected: error.expected }).toEqual({
      text: '< 1 %x',
      position: 5,
      expected: 'end of threshold',
    });
  });

  it('is recognized through its marker, as from another copy of the package', () => {
    const fromAnotherCopy = { [Symbol.for('evidencekit.error.threshold-syntax')]: true };
    expect(ThresholdSyntaxError.isInstance(fromAnotherCopy)).toBe(true);
    expect(ThresholdSyntaxError.isInstance(new Error('x'))).toBe(false);
    expect(ThresholdSyntaxError.isInstance(new ConfigurationError({ issues: [] }))).toBe(false);
    expect(ThresholdSyntaxError.isInstance(null)).toBe(false);
  });

  it('escapes control characters so that the message stays on one line', () => {
    const multiline = new ThresholdSyntaxError({
      text: '< 1\nFAKE LOG LINE',
      position: 4,
      expected: 'x',
    });
    expect(multiline.message).not.toContain('\n');
    expect(multiline.message).toContain('"< 1\\nFAKE LOG LINE"');
  });

  it('shortens an over-long text in the message but keeps it whole on the error', () => {
    const text = `< 1${'9'.repeat(1000)}`;
    const long = new ThresholdSyntaxError({ text, position: 256, expected: 'x' });
    expect(long.message.length).toBeLessThan(200);
    expect(long.message).toContain('(1003 characters)');
    expect(long.text).toBe(text);
  });
});
