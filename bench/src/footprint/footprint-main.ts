import path from 'node:path';
import { printJsonResult } from '../shared/child-process-suite';
import { measuredPackages } from '../shared/workspace-packages';
import { type BundleSize, measureBundleSize } from './bundle-size';
import { measureColdImport } from './measure-cold-import';

/** P4 for one package. */
export interface FootprintRow extends BundleSize {
  package: string;
  /** Median cold import of `dist/index.js`, ms. */
  coldImportMs: number;
}

/** The P4 result. */
export interface FootprintResult {
  rows: FootprintRow[];
  samples: number;
  /** A fresh process importing an empty module: the floor under every import time. */
  emptyImportMs: number;
}

const SAMPLES = 7;
const rows: FootprintRow[] = measuredPackages().map((workspacePackage) => {
  const coldImportMs = measureColdImport(
    path.join(workspacePackage.directory, 'dist/index.js'),
    SAMPLES,
  );
  process.stderr.write(`P4 ${workspacePackage.name}: ${coldImportMs} ms\n`);
  return {
    package: workspacePackage.name,
    coldImportMs,
    ...measureBundleSize(workspacePackage.directory),
  };
});
const emptyImportMs = measureColdImport(
  path.join(import.meta.dirname, 'empty-module.mjs'),
  SAMPLES,
);
printJsonResult({ rows, samples: SAMPLES, emptyImportMs } satisfies FootprintResult);
