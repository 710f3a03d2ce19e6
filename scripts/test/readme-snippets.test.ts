import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../package-policy';
import { type Snippet, typecheckSnippets } from '../typecheck-snippets';
import { typeScriptBlocks } from '../typescript-blocks';

// The default `lib` of a Node 22 project (as in @tsconfig/node22): no `esnext`, so a snippet
// that needs `Array.fromAsync` or other not-yet-standard library types fails here.
const node22Lib = ['es2024'];

/** READMEs whose TypeScript readers copy, each checked from the folder its package lives in. */
const readmes = [
  { file: 'README.md', directory: root },
  { file: 'packages/core/README.md', directory: path.join(root, 'packages', 'core') },
  { file: 'packages/testing/README.md', directory: path.join(root, 'packages', 'testing') },
];

function snippetsOf({ file, directory }: (typeof readmes)[number]): Snippet[] {
  return typeScriptBlocks(readFileSync(path.join(root, file), 'utf8')).map(({ line, code }) => ({
    id: `${file}:${line}`,
    code,
    directory,
  }));
}

const rootSnippet = (): string => {
  const [first] = snippetsOf(readmes[0] as (typeof readmes)[number]);
  if (first === undefined) throw new Error('README.md has no TypeScript block');
  return first.code;
};

/**
 * Mistakes a reader could make, applied to the root README's snippet: each must be a compile
 * error, or the check above would pass whatever the snippet says.
 */
const mutations: { name: string; change: (code: string) => string; error: RegExp }[] = [
  {
    name: 'Array.fromAsync without an esnext lib',
    change: (code) =>
      `${code}\nexport const all = await Array.fromAsync(collectEvidence({ targets }));\n`,
    error: /fromAsync/,
  },
  {
    name: 'a misspelled fact in a defineTarget selector',
    change: (code) => code.replace("facts: ['error_rate',", "facts: ['eror_rate',"),
    error: /eror_rate/,
  },
  {
    name: 'a field the selector does not have',
    change: (code) => code.replace('selector: { facts:', 'selector: { promql: "up", facts:'),
    error: /promql/,
  },
];

describe('README TypeScript snippets', () => {
  let results: Map<string, string[]>;
  const documented = readmes.flatMap(snippetsOf);
  const mutated = mutations.map(({ name, change }) => ({
    id: `mutation: ${name}`,
    code: change(rootSnippet()),
    directory: root,
  }));

  beforeAll(() => {
    // One program for all of them: the workspace sources are parsed once.
    results = typecheckSnippets([...documented, ...mutated], { lib: node22Lib });
  });

  it.each(readmes)('$file has TypeScript to check', (readme) => {
    expect(snippetsOf(readme).length).toBeGreaterThan(0);
  });

  it.each(documented.map((snippet) => [snippet.id]))(
    '%s typechecks against the workspace packages with a Node 22 default lib',
    (id) => {
      expect(results.get(id)).toEqual([]);
    },
  );

  it.each(mutations)('a snippet with $name does not compile', ({ name, error }) => {
    const mutatedCode = mutated.find(({ id }) => id === `mutation: ${name}`)?.code;
    expect(mutatedCode, 'the mutation changed nothing').not.toBe(rootSnippet());
    const diagnostics = results.get(`mutation: ${name}`) ?? [];
    expect(diagnostics.some((diagnostic) => error.test(diagnostic))).toBe(true);
  });
});
