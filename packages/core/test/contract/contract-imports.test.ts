// Contract v1 is what a connector is handed. It must be readable on its own and change only
// when a file in contract/v1 changes: following its imports (type imports included) may reach
// contract/, evidence/ and errors/ (and zod), never the runtime, the engine or other packages.
// Before the connector-facing interfaces moved into contract/v1, connector-v1.ts reached the
// HTTP client implementation through runtime/connector-runtime.ts and this test failed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { followImports } from './support/follow-imports';

const sourceRoot = path.resolve(import.meta.dirname, '..', '..', 'src');
const contractFolder = path.join(sourceRoot, 'contract', 'v1');
const boundary = {
  root: sourceRoot,
  allowedFolders: ['contract', 'evidence', 'errors'],
  allowedPackages: ['zod'],
};

const contractFiles = readdirSync(contractFolder)
  .filter((name) => name.endsWith('.ts'))
  .sort()
  .map((name) => path.join(contractFolder, name));

describe('contract v1 imports', () => {
  it('has the connector-facing interfaces in its folder', () => {
    const names = contractFiles.map((file) => path.basename(file));
    // What a connector is handed: if one of these moves out again, the contract depends on
    // whatever file it moved to.
    for (const expected of [
      'connector-runtime-v1.ts',
      'connector-v1.ts',
      'http-client-v1.ts',
      'logger-v1.ts',
      'redactor-v1.ts',
      'secret-resolver-v1.ts',
      'secret-value.ts',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(contractFiles.map((file) => [path.relative(sourceRoot, file), file]))(
    '%s reaches only contract/, evidence/, errors/ and zod',
    (_name, file) => {
      expect(followImports([file], boundary)).toEqual([]);
    },
  );
});

// The walker itself, on small in-memory trees: each case is a shape of import that crossed
// the boundary (or must not be reported) somewhere in core's history.
describe('followImports', () => {
  const root = '/src';
  function crossingsOf(files: Record<string, string>, entry = '/src/contract/v1/a.ts') {
    return followImports([entry], { ...boundary, root, readSource: (file) => files[file] });
  }

  it.each([
    ['a type import', "import type { X } from '../../runtime/x';"],
    ['a value import', "import { x } from '../../engine/x';"],
    ['a re-export', "export { x } from '../../gate/x';"],
    ['a type-only re-export', "export type { X } from '../../report/x';"],
    ['an import() type', "export type Y = import('../../runtime/x').X;"],
    ['a package other than zod', "import { request } from 'undici';"],
    ['a Node built-in', "import { readFile } from 'node:fs/promises';"],
  ])('reports %s that leaves the boundary', (_case, source) => {
    const files = {
      '/src/contract/v1/a.ts': source,
      '/src/runtime/x.ts': 'export interface X {}',
      '/src/engine/x.ts': 'export const x = 1;',
      '/src/gate/x.ts': 'export const x = 1;',
      '/src/report/x.ts': 'export interface X {}',
    };
    expect(crossingsOf(files)).toHaveLength(1);
  });

  it('reports a crossing reached through an allowed folder, with the chain', () => {
    const files = {
      '/src/contract/v1/a.ts': "import type { E } from '../../errors/e';",
      '/src/errors/e.ts': "import type { C } from '../runtime/http/c';\nexport class E {}",
      '/src/runtime/http/c.ts': 'export type C = string;',
    };
    expect(crossingsOf(files)).toEqual([
      { specifier: '../runtime/http/c', chain: ['contract/v1/a.ts', 'errors/e.ts'] },
    ]);
  });

  it('accepts imports within contract/, evidence/, errors/ and zod, through cycles', () => {
    const files = {
      '/src/contract/v1/a.ts':
        "import type { z } from 'zod';\nimport { b } from './b';\nimport type { S } from '../../evidence/s';",
      '/src/contract/v1/b.ts': "import { a } from './a';\nexport { E } from '../../errors/index';",
      '/src/evidence/s.ts': "import { z } from 'zod/mini';",
      '/src/errors/index.ts': 'export class E {}',
    };
    expect(crossingsOf(files)).toEqual([]);
  });

  it('reports an import that does not resolve to a source file', () => {
    expect(crossingsOf({ '/src/contract/v1/a.ts': "import { gone } from './gone';" })).toEqual([
      { specifier: './gone', chain: ['contract/v1/a.ts'] },
    ]);
  });
});
