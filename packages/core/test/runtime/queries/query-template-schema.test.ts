import { describe, expect, it } from 'vitest';
import {
  queryTemplateSchema,
  queryTemplatesSchema,
} from '../../../src/runtime/queries/query-template-schema';

describe('queryTemplateSchema', () => {
  it('accepts a template whose placeholders sit in string literals', () => {
    const template = { language: 'promql', template: 'up{job="{{service}}"}' };
    expect(queryTemplateSchema.parse(template)).toEqual(template);
  });

  it.each([
    [{ language: 'sql', template: 'SELECT 1' }, 'language'],
    [{ language: 'promql', template: '' }, 'template'],
    [{ language: 'promql', template: 'up{job={{service}}}' }, 'template'],
  ])('refuses %j at %s', (input, field) => {
    const result = queryTemplateSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('explains a misplaced placeholder', () => {
    const result = queryTemplateSchema.safeParse({ language: 'jql', template: 'project = {{p}}' });
    expect(result.error?.issues[0]?.message).toContain('{{p}} outside quotes');
  });

  it('validates named templates and their names', () => {
    expect(
      queryTemplatesSchema.safeParse({
        'error-rate': { language: 'nrql', template: "x = '{{s}}'" },
      }).success,
    ).toBe(true);
    expect(
      queryTemplatesSchema.safeParse({ 'bad name': { language: 'nrql', template: "x = '{{s}}'" } })
        .success,
    ).toBe(false);
  });
});
