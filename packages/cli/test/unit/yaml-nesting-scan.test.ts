import { describe, expect, it } from 'vitest';
import { findYamlNestingOverflow } from '../../src/input/yaml-nesting-scan';

describe('findYamlNestingOverflow', () => {
  it.each([
    { name: 'flow brackets', text: '['.repeat(100_000), overflow: true },
    { name: 'block sequences on one line', text: `${'- '.repeat(50_000)}x`, overflow: true },
    { name: 'deep indentation', text: `a:\n${' '.repeat(200)}b: 1\n`, overflow: true },
    {
      name: 'brackets inside quotes',
      text: `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n`,
      overflow: false,
    },
    { name: 'brackets in a comment', text: `a: 1 # ${'['.repeat(100)}\n`, overflow: false },
    {
      name: 'an ordinary config',
      text: 'workspaceId: acme\nservices:\n  - name: api\n    targets:\n      - connector: prometheus\n        selector: { facts: [error_rate] }\n',
      overflow: false,
    },
  ])('$name: overflow $overflow', ({ text, overflow }) => {
    expect(findYamlNestingOverflow(text, 64) >= 0).toBe(overflow);
  });
});
