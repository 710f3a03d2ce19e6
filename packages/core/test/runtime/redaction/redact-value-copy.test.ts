import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';

const secret = 's3cr3t-T0ken-value';

function record() {
  return {
    scope: { service: 'checkout-api', environment: 'production' },
    facts: [
      {
        name: 'error_rate',
        status: 'passed',
        value: 0.01,
        source: { url: 'https://p.example.com/q?query=up' },
      },
      { name: 'rollout', status: 'passed', value: 'Complete' },
    ],
    when: new Date(0),
  };
}

describe('redactValue copies only what changes', () => {
  it('returns the same object when nothing needs masking', () => {
    const redactor = createRedactor();
    redactor.register(secret);
    const input = record();
    expect(redactor.redactValue(input)).toBe(input);
  });

  it('copies only the path to a masked value and shares the rest', () => {
    const redactor = createRedactor();
    redactor.register(secret);
    const input = record();
    const second = input.facts[1] as { value: string };
    second.value = `failed with ${secret}`;
    const output = redactor.redactValue(input);
    expect(output).not.toBe(input);
    expect(output.facts).not.toBe(input.facts);
    expect(output.facts[1]).toEqual({
      name: 'rollout',
      status: 'passed',
      value: `failed with ${REDACTED}`,
    });
    // Unchanged branches are shared, not copied.
    expect(output.scope).toBe(input.scope);
    expect(output.facts[0]).toBe(input.facts[0]);
    // The input is never changed.
    expect(second.value).toContain(secret);
  });

  it('keeps shared references shared and cycles cyclic, with or without changes', () => {
    const redactor = createRedactor();
    redactor.register(secret);
    const shared = { note: secret };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    const output = redactor.redactValue(cyclic);
    expect(output.self).toBe(output);
    expect(output.a).toBe(output.b);
    expect(output.a).toEqual({ note: REDACTED });

    // A cycle is copied (its back reference is handed out before the walk knows the result).
    const clean: Record<string, unknown> = { a: 1 };
    clean.self = clean;
    const cleanOutput = redactor.redactValue(clean);
    expect(cleanOutput.self).toBe(cleanOutput);
    expect(cleanOutput.a).toBe(1);
  });

  it('always copies class instances and objects with symbol keys into plain objects', () => {
    class Holder {
      token = 'abc';
      toJSON() {
        return { leaked: secret };
      }
    }
    const redactor = createRedactor();
    const output = redactor.redactValue({ holder: new Holder(), [Symbol('s')]: secret, n: 1 });
    expect(JSON.stringify(output)).not.toContain(secret);
    expect(Object.getOwnPropertySymbols(output)).toEqual([]);
    expect(output.holder).toEqual({ token: REDACTED });
  });

  it('replaces values nested deeper than 256 levels by the mask instead of overflowing the stack', () => {
    let deep: unknown = secret;
    for (let level = 0; level < 100_000; level += 1) deep = { level: deep };
    const output = createRedactor().redactValue(deep);
    expect(JSON.stringify(output)).toContain(REDACTED);
  });
});
