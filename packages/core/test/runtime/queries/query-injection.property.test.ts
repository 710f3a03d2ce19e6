import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQueryAllowlist } from '../../../src/runtime/queries/query-allowlist';
import type { QueryLanguage } from '../../../src/runtime/queries/query-language';

// Any code point (fast-check's "binary" unit never yields lone surrogates), biased towards the
// characters that break out of literals.
const hostileValue = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.string({
      unit: fc.constantFrom(...'"\'`\\{}()[]|&!~*?:/+-=<>^ \n\r\t#;,.$AORND'.split('')),
      minLength: 1,
      maxLength: 30,
    }),
  )
  .filter((value) => value.length > 0);

/**
 * Reads the string literal that starts at `start` (the opening quote) the way the language's
 * lexer does, independently of the escaper under test. Returns the decoded value and where the
 * literal ends (the index after the closing quote).
 */
function readQuotedLiteral(
  query: string,
  start: number,
  quote: string,
  decodeEscape: (escaped: string) => string,
  rawNewlineAllowed: boolean,
): { value: string; end: number } {
  expect(query[start]).toBe(quote);
  let value = '';
  let index = start + 1;
  while (index < query.length) {
    const character = query[index] as string;
    if (character === '\\') {
      const escaped = query.slice(index, index + 2);
      if (escaped === '\\u') {
        value += decodeEscape(query.slice(index, index + 6));
        index += 6;
      } else {
        value += decodeEscape(escaped);
        index += 2;
      }
      continue;
    }
    if (character === quote) return { value, end: index + 1 };
    // Go and JQL strings cannot hold a raw line break: it would end the literal early.
    if (!rawNewlineAllowed) expect(character).not.toBe('\n');
    value += character;
    index += 1;
  }
  throw new Error('unterminated literal');
}

// Go-style escapes (PromQL, LogQL): a subset of JSON's, so JSON decodes them.
const decodeGoEscape = (escaped: string) => JSON.parse(`"${escaped}"`) as string;
// NRQL and Lucene phrases: a backslash takes the next character literally.
const decodeBackslash = (escaped: string) => escaped.slice(1);
const decodeJqlEscape = (escaped: string) =>
  escaped === '\\n' ? '\n' : escaped === '\\r' ? '\r' : escaped.slice(1);

const quotedCases: Array<{
  language: QueryLanguage;
  prefix: string;
  suffix: string;
  quote: string;
  decode: (escaped: string) => string;
  rawNewlineAllowed?: boolean;
}> = [
  {
    language: 'promql',
    prefix: 'up{job="',
    suffix: '",env="prod"} or vector(0)',
    quote: '"',
    decode: decodeGoEscape,
  },
  {
    language: 'logql',
    prefix: 'sum(count_over_time({app="',
    suffix: '"} |= "error" [5m]))',
    quote: '"',
    decode: decodeGoEscape,
  },
  {
    language: 'nrql',
    prefix: "SELECT count(*) FROM Transaction WHERE appName = '",
    suffix: "' SINCE 5 minutes ago",
    quote: "'",
    decode: decodeBackslash,
    rawNewlineAllowed: true,
  },
  {
    language: 'jql',
    prefix: 'project = "',
    suffix: '" AND status = "Done"',
    quote: '"',
    decode: decodeJqlEscape,
  },
  {
    language: 'lucene',
    prefix: 'service:"',
    suffix: '" AND level:error',
    quote: '"',
    decode: decodeBackslash,
    rawNewlineAllowed: true,
  },
  {
    language: 'opensearch',
    prefix: 'service:"',
    suffix: '" AND level:error',
    quote: '"',
    decode: decodeBackslash,
    rawNewlineAllowed: true,
  },
];

describe('query allowlist: a hostile value stays inside its string literal', () => {
  for (const { language, prefix, suffix, quote, decode, rawNewlineAllowed } of quotedCases) {
    it(`${language}: un-escaping the literal gives back the value and the rest is untouched`, () => {
      const allowlist = createQueryAllowlist({
        scoped: { language, template: `${prefix}{{value}}${suffix}` },
      });
      fc.assert(
        fc.property(hostileValue, (value) => {
          const { query } = allowlist.render('scoped', { value });
          expect(query.startsWith(prefix)).toBe(true);
          const literal = readQuotedLiteral(
            query,
            prefix.length - 1,
            quote,
            decode,
            rawNewlineAllowed ?? false,
          );
          expect(literal.value).toBe(value);
          expect(query.slice(literal.end)).toBe(suffix.slice(1));
        }),
        { numRuns: 400 },
      );
    });
  }

  for (const language of ['lucene', 'opensearch'] as const) {
    it(`${language}: an unquoted value stays one literal term`, () => {
      const allowlist = createQueryAllowlist({
        scoped: { language, template: 'service:{{value}} AND level:error' },
      });
      fc.assert(
        fc.property(hostileValue, (value) => {
          const { query } = allowlist.render('scoped', { value });
          const suffix = ' AND level:error';
          expect(query.startsWith('service:')).toBe(true);
          expect(query.endsWith(suffix)).toBe(true);
          const term = query.slice('service:'.length, query.length - suffix.length);
          // Every reserved character and every whitespace in the term is escaped.
          let decoded = '';
          for (let index = 0; index < term.length; index++) {
            const character = term[index] as string;
            if (character === '\\') {
              decoded += term[index + 1] ?? '';
              index += 1;
              continue;
            }
            expect(/[+\-=&|><!(){}[\]^"~*?:\\/\s]/u.test(character)).toBe(false);
            decoded += character;
          }
          expect(decoded).toBe(value);
          expect(['AND', 'OR', 'NOT']).not.toContain(term);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('promql regex matchers: the value matches itself literally', () => {
    const allowlist = createQueryAllowlist({
      scoped: { language: 'promql', template: 'up{job=~"{{value}}"}' },
    });
    fc.assert(
      fc.property(hostileValue, (value) => {
        const { query } = allowlist.render('scoped', { value });
        const literal = readQuotedLiteral(query, 'up{job=~'.length, '"', decodeGoEscape, false);
        expect(query.slice(literal.end)).toBe('}');
        // RE2 and JavaScript agree on these escapes; anchored as Prometheus anchors matchers.
        expect(new RegExp(`^(?:${literal.value})$`, 'u').test(value)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
