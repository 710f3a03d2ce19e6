// `@evidencekit/core/connector` is what connector packages import; `@evidencekit/core` is what
// hosts import and must keep exporting everything the connector entry does, as the same values.
// Connector sources use the connector entry only, so a name they need cannot be missing from it
// unnoticed (before the entry existed, every connector imported the host entry).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as hostEntry from '@evidencekit/core';
import * as connectorEntry from '@evidencekit/core/connector';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const coreSource = path.join(root, 'packages', 'core', 'src');

function exportedNames(file: string): string[] {
  const program = ts.createProgram([file], {
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(file);
  const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
  if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.name);
}

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(directory, name));
}

const connectorSourceFolders = [
  ...readdirSync(path.join(root, 'packages', 'connectors')).map((name) =>
    path.join(root, 'packages', 'connectors', name, 'src'),
  ),
  path.join(root, 'examples', 'custom-connector', 'src'),
];

describe('the connector entry', () => {
  const connectorNames = exportedNames(path.join(coreSource, 'connector.ts'));
  const hostNames = new Set(exportedNames(path.join(coreSource, 'index.ts')));

  it('exports only names the host entry exports too (types included)', () => {
    expect(connectorNames.filter((name) => !hostNames.has(name))).toEqual([]);
  });

  it.each(Object.keys(connectorEntry))('%s is the same value in both entries', (name) => {
    expect((hostEntry as Record<string, unknown>)[name]).toBe(
      (connectorEntry as Record<string, unknown>)[name],
    );
  });

  it.each(connectorSourceFolders.map((folder) => [path.relative(root, folder), folder]))(
    '%s imports core through @evidencekit/core/connector only',
    (_name, folder) => {
      const offending: string[] = [];
      for (const file of sourceFilesUnder(folder)) {
        const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
        for (const { fileName } of importedFiles) {
          if (
            fileName.startsWith('@evidencekit/core') &&
            fileName !== '@evidencekit/core/connector'
          ) {
            offending.push(`${path.relative(root, file)}: ${fileName}`);
          }
        }
      }
      expect(offending).toEqual([]);
    },
  );
});
