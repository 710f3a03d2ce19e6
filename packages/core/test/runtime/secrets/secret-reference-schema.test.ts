import { describe, expect, it } from 'vitest';
import { secretReferenceSchema } from '../../../src/runtime/secrets/secret-resolver';

describe('secretReferenceSchema', () => {
  it.each([
    'env:GITHUB_TOKEN',
    'file:/run/secrets/token',
    'file:./token.txt',
    'vault:secret/data/ci#token',
  ])('accepts %s', (reference) => {
    expect(secretReferenceSchema().parse(reference)).toBe(reference);
  });

  it.each([
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'glpat-abcdefghij0123456789',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    'Bearer abc',
    'hunter2hunter2',
    'ENV:GITHUB_TOKEN',
    'env:',
    'env:NOT-VALID',
    '',
  ])('refuses %j with the reference message and without echoing it', (value) => {
    const result = secretReferenceSchema().safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'expected a secret reference like "env:GITHUB_TOKEN"',
    );
    // The message is fixed (checked above); nothing else in the issue may carry the input.
    const rest = result.error?.issues.map(({ message: _message, ...issue }) => issue);
    if (value !== '') expect(JSON.stringify(rest)).not.toContain(value);
  });

  it('restricts schemes when asked', () => {
    const schema = secretReferenceSchema({ schemes: ['env'] });
    expect(schema.safeParse('env:A').success).toBe(true);
    expect(schema.safeParse('file:/a').success).toBe(false);
  });
});
