import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SecretValue } from '../../../src/runtime/secrets/secret-value';

const value = 'ghp_doNotLeakThisValue0123456789';
const secret = new SecretValue(value, 'env:GITHUB_TOKEN');

describe('SecretValue', () => {
  it.each([
    ['util.inspect', () => inspect(secret)],
    ['util.inspect nested and deep', () => inspect({ a: { b: { secret } } }, { depth: 10 })],
    [
      'util.inspect showing hidden',
      () => inspect(secret, { showHidden: true, customInspect: true }),
    ],
    ['JSON.stringify', () => JSON.stringify({ s: secret })],
    ['template literal', () => `${secret}`],
    ['String()', () => String(secret)],
    ['concatenation', () => `token: ${secret}`],
    ['toString', () => secret.toString()],
    ['Object.keys / entries', () => JSON.stringify(Object.entries(secret))],
    ['structuredClone', () => JSON.stringify(structuredClone({ secret }))],
  ])('never shows the value through %s', (_name, render) => {
    const output = render();
    expect(output).not.toContain(value);
  });

  it('prints as [REDACTED] and names its reference in inspect output', () => {
    expect(String(secret)).toBe('[REDACTED]');
    expect(JSON.stringify({ s: secret })).toBe('{"s":"[REDACTED]"}');
    expect(inspect(secret)).toBe('SecretValue(env:GITHUB_TOKEN) [REDACTED]');
  });

  it('reveals the value only through reveal()', () => {
    expect(secret.reveal()).toBe(value);
    expect(secret.reference).toBe('env:GITHUB_TOKEN');
  });

  it('is recognized by isInstance, including a copy from another package instance', () => {
    expect(SecretValue.isInstance(secret)).toBe(true);
    expect(SecretValue.isInstance({ reveal: () => value })).toBe(false);
    expect(SecretValue.isInstance(value)).toBe(false);
    expect(SecretValue.isInstance(null)).toBe(false);
    const foreign = { [Symbol.for('evidencekit.secret-value')]: true };
    expect(SecretValue.isInstance(foreign)).toBe(true);
  });
});
