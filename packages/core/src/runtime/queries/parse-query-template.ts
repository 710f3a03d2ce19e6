import type { QueryLanguage } from './query-language';

/**
 * Where a placeholder sits, which decides how its value is escaped:
 * - `double-quoted`: inside `"…"` (PromQL, LogQL, JQL);
 * - `double-quoted-regex`: inside `"…"` after `=~`, `!~` or `|~` (PromQL, LogQL);
 * - `single-quoted`: inside `'…'` (NRQL);
 * - `lucene-phrase`: inside `"…"` in a Lucene / OpenSearch query string;
 * - `lucene-term`: outside quotes in a Lucene / OpenSearch query string.
 */
export type PlaceholderContext =
  | 'double-quoted'
  | 'double-quoted-regex'
  | 'single-quoted'
  | 'lucene-phrase'
  | 'lucene-term';

/** One piece of a parsed template: literal text, or a placeholder and its context. */
export type QueryTemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; variable: string; context: PlaceholderContext };

/** A template split into segments, ready to render. */
export interface ParsedQueryTemplate {
  segments: readonly QueryTemplateSegment[];
  /** Variable names in order of first use. */
  variables: readonly string[];
}

/** Why a template was refused, in words for a `ConfigurationError`. */
export class QueryTemplateProblem {
  constructor(
    readonly expected: string,
    readonly received: string,
  ) {}
}

type QuoteCharacter = '"' | "'" | '`';

interface LanguageRules {
  /** Quote characters that open a string literal in this language. */
  quotes: readonly QuoteCharacter[];
  /** Quote characters whose strings have no backslash escapes (raw strings). */
  rawQuotes: readonly QuoteCharacter[];
  /** Maps the quote a placeholder sits in to its context; absent means "not allowed there". */
  quotedContext: Partial<Record<QuoteCharacter, PlaceholderContext>>;
  /** Context of a placeholder outside any string; absent means "not allowed". */
  unquotedContext?: PlaceholderContext;
  /** Line comment opener, if any: placeholders in a comment are refused. */
  lineComment?: string;
  /** What the error says is expected. */
  expectation: string;
}

const promqlRules: LanguageRules = {
  quotes: ['"', "'", '`'],
  rawQuotes: ['`'],
  quotedContext: { '"': 'double-quoted' },
  lineComment: '#',
  expectation: 'every {{placeholder}} inside a double-quoted label value, e.g. job="{{service}}"',
};

const luceneRules: LanguageRules = {
  quotes: ['"'],
  rawQuotes: [],
  quotedContext: { '"': 'lucene-phrase' },
  unquotedContext: 'lucene-term',
  expectation: 'a query string whose quotes are closed',
};

const RULES: Record<QueryLanguage, LanguageRules> = {
  promql: promqlRules,
  logql: promqlRules,
  nrql: {
    quotes: ["'", '`', '"'],
    rawQuotes: ['`'],
    quotedContext: { "'": 'single-quoted' },
    expectation:
      "every {{placeholder}} inside a single-quoted string, e.g. appName = '{{service}}'",
  },
  jql: {
    quotes: ['"', "'"],
    rawQuotes: [],
    quotedContext: { '"': 'double-quoted' },
    expectation:
      'every {{placeholder}} inside a double-quoted string, e.g. project = "{{project}}"',
  },
  lucene: luceneRules,
  opensearch: luceneRules,
};

const placeholderPattern = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/;

function isRegexOperatorBefore(template: string, quoteIndex: number): boolean {
  const before = template.slice(0, quoteIndex).trimEnd();
  return before.endsWith('=~') || before.endsWith('!~') || before.endsWith('|~');
}

/**
 * Splits a template into text and `{{variable}}` placeholders, recording for each placeholder
 * whether it sits inside a string literal of the language. Refuses a placeholder outside the
 * positions the language can escape, a malformed `{{…}}`, and an unclosed string.
 *
 * @returns The parsed template, or the problem that makes it unsafe.
 */
export function parseQueryTemplate(
  language: QueryLanguage,
  template: string,
): ParsedQueryTemplate | QueryTemplateProblem {
  const rules = RULES[language];
  const segments: QueryTemplateSegment[] = [];
  const variables: string[] = [];
  let text = '';
  let openQuote: QuoteCharacter | undefined;
  let openQuoteIndex = -1;
  let index = 0;

  while (index < template.length) {
    const character = template[index] ?? '';

    if (template.startsWith('{{', index)) {
      const match = placeholderPattern.exec(template.slice(index));
      const variable = match?.[1];
      if (match === null || variable === undefined) {
        return new QueryTemplateProblem(
          'placeholders written as {{name}} (letters, digits, underscores)',
          `a malformed placeholder at position ${index}`,
        );
      }
      let context: PlaceholderContext | undefined;
      if (openQuote === undefined) {
        context = rules.unquotedContext;
      } else {
        context = rules.quotedContext[openQuote];
        if (
          context === 'double-quoted' &&
          (language === 'promql' || language === 'logql') &&
          isRegexOperatorBefore(template, openQuoteIndex)
        ) {
          context = 'double-quoted-regex';
        }
      }
      if (context === undefined) {
        const where =
          openQuote === undefined ? 'outside quotes' : `inside ${openQuote}…${openQuote}`;
        return new QueryTemplateProblem(
          rules.expectation,
          `{{${variable}}} ${where} at position ${index}`,
        );
      }
      if (text !== '') segments.push({ kind: 'text', text });
      text = '';
      segments.push({ kind: 'placeholder', variable, context });
      if (!variables.includes(variable)) variables.push(variable);
      index += match[0].length;
      continue;
    }

    if (openQuote !== undefined) {
      if (character === '\\' && !rules.rawQuotes.includes(openQuote)) {
        text += template.slice(index, index + 2);
        index += 2;
        continue;
      }
      if (character === openQuote) openQuote = undefined;
      text += character;
      index += 1;
      continue;
    }

    if (rules.lineComment !== undefined && template.startsWith(rules.lineComment, index)) {
      const end = template.indexOf('\n', index);
      const comment = end === -1 ? template.slice(index) : template.slice(index, end);
      if (comment.includes('{{')) {
        return new QueryTemplateProblem(
          rules.expectation,
          `a placeholder inside a comment at position ${index + comment.indexOf('{{')}`,
        );
      }
      text += comment;
      index += comment.length;
      continue;
    }

    if (character === '\\' && rules.unquotedContext !== undefined) {
      // Lucene escapes outside quotes too: `\"` does not open a phrase.
      text += template.slice(index, index + 2);
      index += 2;
      continue;
    }

    if ((rules.quotes as readonly string[]).includes(character)) {
      openQuote = character as QuoteCharacter;
      openQuoteIndex = index;
    }
    text += character;
    index += 1;
  }

  if (openQuote !== undefined) {
    return new QueryTemplateProblem(
      'a template whose string literals are closed',
      `an unclosed ${openQuote} opened at position ${openQuoteIndex}`,
    );
  }
  if (text !== '') segments.push({ kind: 'text', text });
  return { segments, variables };
}
