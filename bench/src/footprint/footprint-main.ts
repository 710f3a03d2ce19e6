import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /**
   * A fresh process importing zod alone, the copy core loads: the floor under core's and every
   * connector's import (every zod entry loads all of zod's locales in plain Node).
   */
  zodImportMs: number;
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
// The bench's zod is the workspace's one copy, the one core and the connectors load.
const zodImportMs = measureColdImport(fileURLToPath(import.meta.resolve('zod')), SAMPLES);
process.stderr.write(`P4 zod alone: ${zodImportMs} ms\n`);
printJsonResult({ rows, samples: SAMPLES, emptyImportMs, zodImportMs } satisfies FootprintResult);
