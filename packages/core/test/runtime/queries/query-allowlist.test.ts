import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/configuration-error';
import { createQueryAllowlist } from '../../../src/runtime/queries/query-allowlist';
import type { QueryLanguage } from '../../../src/runtime/queries/query-language';

function catchConfigurationError(action: () => unknown): ConfigurationError {
  try {
    action();
  } catch (error) {
    expect(ConfigurationError.isInstance(error)).toBe(true);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

const hostile = '"} or vector(1) #';

describe('createQueryAllowlist: rendering', () => {
  it.each<[QueryLanguage, string, string, string]>([
    [
      'promql',
      'sum(rate(http_requests_total{job="{{service}}",env="{{environment}}"}[5m]))',
      'checkout',
      'sum(rate(http_requests_total{job="checkout",env="prod"}[5m]))',
    ],
    ['promql', 'up{job="{{service}}"}', hostile, 'up{job="\\"} or vector(1) #"}'],
    ['promql', 'up{job="{{service}}"}', 'a\nb\\c', 'up{job="a\\nb\\\\c"}'],
    ['promql', 'up{job=~"{{service}}"}', 'a.b|c', 'up{job=~"a\\\\.b\\\\|c"}'],
    ['logql', '{app="{{service}}"} |= "error"', '"} |= "', '{app="\\"} |= \\""} |= "error"'],
    ['logql', '{app="x"} |~ "{{service}}"', 'a+b', '{app="x"} |~ "a\\\\+b"'],
    [
      'nrql',
      "SELECT count(*) FROM Transaction WHERE appName = '{{service}}'",
      "x' OR appName LIKE '%",
      "SELECT count(*) FROM Transaction WHERE appName = 'x\\' OR appName LIKE \\'%'",
    ],
    ['nrql', "WHERE appName = '{{service}}'", 'a\\b', "WHERE appName = 'a\\\\b'"],
    [
      'jql',
      'project = "{{project}}" AND fixVersion = "{{release}}"',
      'x" OR project != "y',
      'project = "x\\" OR project != \\"y" AND fixVersion = "x\\" OR project != \\"y"',
    ],
    ['jql', 'project = "{{project}}"', 'a\nb', 'project = "a\\nb"'],
    [
      'lucene',
      'service:{{service}} AND level:error',
      'a OR b:(c)',
      'service:a\\ OR\\ b\\:\\(c\\) AND level:error',
    ],
    ['lucene', 'service:{{service}}', 'OR', 'service:\\OR'],
    ['opensearch', 'service:"{{service}}"', 'a "b" \\ c', 'service:"a \\"b\\" \\\\ c"'],
    [
      'opensearch',
      'service:{{service}}',
      '+-=&|><!(){}[]^"~*?:\\/',
      'service:\\+\\-\\=\\&\\|\\>\\<\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/',
    ],
  ])('%s: renders %s with %j', (language, template, value, expected) => {
    const allowlist = createQueryAllowlist({ main: { language, template } });
    const rendered = allowlist.render('main', {
      service: value,
      project: value,
      release: value,
      environment: 'prod',
    });
    expect(rendered).toEqual({ name: 'main', language, query: expected });
  });

  it('accepts whitespace inside placeholders and ignores variables the template does not use', () => {
    const allowlist = createQueryAllowlist({
      up: { language: 'promql', template: 'up{job="{{ service }}"}' },
    });
    expect(allowlist.render('up', { service: 'api', namespace: 'unused' }).query).toBe(
      'up{job="api"}',
    );
  });

  it('lists names sorted and returns a copy', () => {
    const allowlist = createQueryAllowlist({
      latency: { language: 'promql', template: 'x{job="{{service}}"}' },
      errors: { language: 'promql', template: 'y{job="{{service}}"}' },
    });
    const names = allowlist.names();
    expect(names).toEqual(['errors', 'latency']);
    names.push('injected');
    expect(allowlist.names()).toEqual(['errors', 'latency']);
  });

  it('offers no way to render free text', () => {
    const allowlist = createQueryAllowlist({});
    expect(Object.keys(allowlist).sort()).toEqual(['names', 'render']);
  });
});

describe('createQueryAllowlist: configuration errors', () => {
  it('refuses an unknown query name, naming it and listing the known ones', () => {
    const allowlist = createQueryAllowlist({
      errors: { language: 'promql', template: 'x{job="{{service}}"}' },
      latency: { language: 'promql', template: 'y{job="{{service}}"}' },
    });
    const error = catchConfigurationError(() => allowlist.render('sum(up)', { service: 'a' }));
    expect(error.issues).toEqual([
      {
        path: 'queries.sum(up)',
        expected: 'one of the configured queries: errors, latency',
        received: 'the unknown query "sum(up)"',
      },
    ]);
    expect(error.reason).toBe('config');
  });

  it.each([
    ['missing', {}, 'a value for {{service}}'],
    ['empty', { service: '' }, 'a non-empty value'],
    ['a lone surrogate', { service: 'a\uD800' }, 'well-formed text'],
  ])('refuses a %s variable', (_case, variables, expected) => {
    const allowlist = createQueryAllowlist(
      { up: { language: 'promql', template: 'up{job="{{service}}"}' } },
      { path: 'connectors.prometheus.queries' },
    );
    const error = catchConfigurationError(() => allowlist.render('up', variables));
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'connectors.prometheus.queries.up.variables.service',
        expected,
      }),
    ]);
  });

  it.each<[QueryLanguage, string, string]>([
    ['promql', 'up{job={{service}}}', 'outside quotes'],
    ['promql', "up{job='{{service}}'}", "inside '…'"],
    ['promql', 'up{job=`{{service}}`}', 'inside `…`'],
    ['promql', 'up # {{service}}', 'comment'],
    ['logql', '{app="x"} |= {{service}}', 'outside quotes'],
    ['nrql', 'SELECT * FROM {{service}}', 'outside quotes'],
    ['nrql', 'WHERE appName = "{{service}}"', 'inside "…"'],
    ['jql', 'project = {{project}}', 'outside quotes'],
    ['jql', "project = '{{project}}'", "inside '…'"],
    ['promql', 'up{job="{{service}}}', 'unclosed'],
    ['lucene', 'service:"{{service}}', 'unclosed'],
    ['promql', 'up{job="{{ 1 }}"}', 'malformed placeholder'],
  ])('%s: refuses the template %s at creation, naming it', (language, template, received) => {
    const error = catchConfigurationError(() =>
      createQueryAllowlist({ good: { language, template: '' }, bad: { language, template } }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('queries.bad.template');
    expect(error.issues[0]?.received).toContain(received);
    expect(error.message).toContain('queries.bad.template');
  });

  it('keeps an escaped quote inside a template string from ending it', () => {
    const allowlist = createQueryAllowlist({
      q: { language: 'promql', template: 'x{a="say \\"{{service}}\\"",b="c"}' },
    });
    expect(allowlist.render('q', { service: 'hi' }).query).toBe('x{a="say \\"hi\\"",b="c"}');
  });

  it('treats an escaped quote outside a Lucene phrase as a literal, not a phrase start', () => {
    const allowlist = createQueryAllowlist({
      q: { language: 'lucene', template: 'msg:\\"x service:{{service}}' },
    });
    expect(allowlist.render('q', { service: 'a b' }).query).toBe('msg:\\"x service:a\\ b');
  });
});
