import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJsonSyntax, textPositionOf } from '../../src/json/scan-json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('scanJsonSyntax agrees with JSON.parse', () => {
  it('accepts every JSON text JSON.stringify writes (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(scanJsonSyntax(text, 64)).toEqual({ ok: true });
      }),
    );
  });

  it('accepts exactly what JSON.parse accepts, for any text (property)', () => {
    const jsonish = fc.stringMatching(/^[[\]{}":,\s0-9eE.+\-tfnrulasx\\]{0,24}$/);
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string({ maxLength: 24 })), (text) => {
        expect(scanJsonSyntax(text, 64).ok).toBe(parses(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    { depth: 3, limit: 3, ok: true },
    { depth: 4, limit: 3, ok: false },
    { depth: 100_000, limit: 256, ok: false },
  ])('nesting $depth deep against a limit of $limit: ok $ok', ({ depth, limit, ok }) => {
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const result = scanJsonSyntax(text, limit);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ problem: 'depth', offset: limit });
  });

  it('does not count brackets inside strings', () => {
    expect(scanJsonSyntax(JSON.stringify({ a: '[[[[[[{{{{' }), 2)).toEqual({ ok: true });
  });

  it('locates a syntax error by line and column', () => {
    const text = '{\n  "a": 1,\n  "b": tru\n}';
    const result = scanJsonSyntax(text, 64);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(textPositionOf(text, result.offset)).toEqual({ line: 3, column: 8 });
  });
});
