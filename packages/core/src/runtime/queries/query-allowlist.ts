import { ConfigurationError, type ConfigurationIssue } from '../../errors/configuration-error';
import {
  escapeJqlString,
  escapeLucenePhrase,
  escapeLuceneTerm,
  escapeNrqlString,
  escapePromqlString,
  escapeRegularExpression,
} from './escape-query-value';
import {
  type ParsedQueryTemplate,
  type PlaceholderContext,
  parseQueryTemplate,
  QueryTemplateProblem,
} from './parse-query-template';
import type { QueryLanguage } from './query-language';

/** A query rendered from an allowlisted template, ready to send to the provider. */
export interface RenderedQuery {
  /** The configured name of the query. */
  name: string;
  language: QueryLanguage;
  /** The query text with every variable escaped inside its string literal. */
  query: string;
}

/**
 * The only way a metrics or log connector obtains query text: by name, from templates the
 * operator configured, with scope values escaped for the language. There is deliberately no
 * method that renders free text, so a target can never supply a raw query.
 */
export interface QueryAllowlist {
  /** Configured query names, sorted. */
  names(): string[];
  /**
   * Renders a named query.
   *
   * @param name - A configured query name.
   * @param variables - Scope values, e.g. `{ service: 'checkout', environment: 'prod' }`.
   * Variables the template does not use are ignored, so a connector can pass the whole scope.
   * @throws ConfigurationError for an unknown name (listing the known ones), or when a
   * variable the template uses is missing, empty or not well-formed text.
   */
  render(name: string, variables: Record<string, string>): RenderedQuery;
}

/** Options of {@link createQueryAllowlist}. */
export interface QueryAllowlistOptions {
  /** Configuration path of the templates, used in error messages. Defaults to `queries`. */
  path?: string;
}

// A lone UTF-16 surrogate cannot be written in PromQL/LogQL strings (Go rejects it) and is
// never a real scope value.
const loneSurrogatePattern = /[\uD800-\uDFFF]/u;

function escapeForContext(
  value: string,
  context: PlaceholderContext,
  language: QueryLanguage,
): string {
  switch (context) {
    case 'double-quoted':
      // PromQL/LogQL (Go strings) and JQL share the position but not the escape set.
      return language === 'jql' ? escapeJqlString(value) : escapePromqlString(value);
    case 'double-quoted-regex':
      return escapePromqlString(escapeRegularExpression(value));
    case 'single-quoted':
      return escapeNrqlString(value);
    case 'lucene-phrase':
      return escapeLucenePhrase(value);
    case 'lucene-term':
      return escapeLuceneTerm(value);
  }
}

/**
 * Creates the allowlist for a connector from its configured templates. Every template is
 * checked now: one with a placeholder outside a string literal (PromQL, LogQL, NRQL, JQL) or
 * an unclosed string is a `ConfigurationError` naming the template.
 *
 * @example
 * ```ts
 * const queries = createQueryAllowlist({
 *   errorRate: { language: 'promql', template: 'sum(rate(errors_total{job="{{service}}"}[5m]))' },
 * });
 * const { query } = queries.render('errorRate', { service: target.service });
 * ```
 */
export function createQueryAllowlist(
  templates: Record<string, { language: QueryLanguage; template: string }>,
  options: QueryAllowlistOptions = {},
): QueryAllowlist {
  const root = options.path ?? 'queries';
  const parsedTemplates = new Map<
    string,
    { language: QueryLanguage; parsed: ParsedQueryTemplate }
  >();
  const issues: ConfigurationIssue[] = [];

  for (const [name, { language, template }] of Object.entries(templates)) {
    const parsed = parseQueryTemplate(language, template);
    if (parsed instanceof QueryTemplateProblem) {
      issues.push({
        path: `${root}.${name}.template`,
        expected: parsed.expected,
        received: parsed.received,
      });
    } else {
      parsedTemplates.set(name, { language, parsed });
    }
  }
  if (issues.length > 0) throw new ConfigurationError({ issues });

  const names = [...parsedTemplates.keys()].sort();

  return {
    names: () => [...names],
    render(name, variables) {
      const entry = parsedTemplates.get(name);
      if (entry === undefined) {
        throw new ConfigurationError({
          issues: [
            {
              path: `${root}.${name}`,
              expected:
                names.length === 0
                  ? 'a configured query (none are configured)'
                  : `one of the configured queries: ${names.join(', ')}`,
              received: `the unknown query "${name}"`,
            },
          ],
        });
      }
      const renderIssues: ConfigurationIssue[] = [];
      for (const variable of entry.parsed.variables) {
        const value = Object.hasOwn(variables, variable) ? variables[variable] : undefined;
        const path = `${root}.${name}.variables.${variable}`;
        if (typeof value !== 'string') {
          renderIssues.push({ path, expected: `a value for {{${variable}}}`, received: 'nothing' });
        } else if (value === '') {
          // An empty label value matches series that lack the label: it widens the scope.
          renderIssues.push({ path, expected: 'a non-empty value', received: 'an empty string' });
        } else if (loneSurrogatePattern.test(value)) {
          renderIssues.push({
            path,
            expected: 'well-formed text',
            received: 'text with a lone UTF-16 surrogate',
          });
        }
      }
      if (renderIssues.length > 0) throw new ConfigurationError({ issues: renderIssues });

      let query = '';
      for (const segment of entry.parsed.segments) {
        query +=
          segment.kind === 'text'
            ? segment.text
            : escapeForContext(variables[segment.variable] ?? '', segment.context, entry.language);
      }
      return { name, language: entry.language, query };
    },
  };
}
