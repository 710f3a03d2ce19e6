import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIRECTORY } from './child-process-suite';

/** The part of esbuild's API the bench uses. */
interface EsbuildApi {
  buildSync(options: {
    entryPoints: string[];
    outfile: string;
    bundle: true;
    platform: 'node';
    format: 'esm';
    target: string;
    packages: 'external';
    logLevel: 'error';
  }): unknown;
}

// Under `node_modules`, so git ignores it and the bundle's bare imports (`@evidencekit/core`,
// `undici`) resolve through the bench's own dependencies, to the built `dist`.
const BUNDLE_DIRECTORY = path.join(BENCH_DIRECTORY, 'node_modules/.cache/evidencekit-bench');

/**
 * Bundles a bench entry point (its own TypeScript files only; packages stay imports) into one
 * `.mjs` file that plain `node` runs, and returns its path. A measured process then carries no
 * TypeScript loader (tsx's hooks and transform cache), only what a host would load. esbuild
 * comes with tsx, which the bench already uses.
 */
export function bundleEntry(entry: string): string {
  const esbuild = createRequire(fileURLToPath(import.meta.resolve('tsx')))('esbuild') as EsbuildApi;
  mkdirSync(BUNDLE_DIRECTORY, { recursive: true });
  const outfile = path.join(BUNDLE_DIRECTORY, `${path.basename(entry, '.ts')}.mjs`);
  esbuild.buildSync({
    entryPoints: [path.resolve(BENCH_DIRECTORY, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
