import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from '../shared/statistics';

/**
 * Median time, in fresh Node processes, to import a built entry point (the module graph with
 * its dependencies, as a host's first `import` pays it). Plain `node`, no TypeScript loader.
 */
export function measureColdImport(entryFile: string, samples: number): number {
  const script = path.join(import.meta.dirname, 'import-time-main.mjs');
  const times = Array.from({ length: samples }, () => {
    const output = execFileSync(process.execPath, [script, pathToFileURL(entryFile).href], {
      encoding: 'utf8',
    });
    return (JSON.parse(output) as { importMs: number }).importMs;
  });
  return round(median(times), 1);
}
