import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchmarkResults, SuiteOutcome } from './report/benchmark-results';
import { renderPerformanceMarkdown } from './report/render-performance-markdown';
import { BENCH_DIRECTORY, runJsonChild } from './shared/child-process-suite';
import { ensureBuilt } from './shared/ensure-built';
import { describeMachine } from './shared/machine-info';
import { REPOSITORY_ROOT } from './shared/workspace-packages';

// `pnpm bench`: builds what is stale, runs every suite in its own process, one after another
// (never two at once: they would share the CPU), then writes the JSON figures and the docs page.

async function suite<T>(name: string, entry: string): Promise<SuiteOutcome<T>> {
  const startedAt = performance.now();
  process.stderr.write(`\n== ${name}\n`);
  try {
    const result = await runJsonChild<T>(entry);
    process.stderr.write(
      `== ${name} done in ${Math.round((performance.now() - startedAt) / 1000)} s\n`,
    );
    return result;
  } catch (error) {
    process.stderr.write(`== ${name} failed: ${String(error)}\n`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const startedAt = performance.now();
const machine = {
  ...describeMachine(),
  loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
};
const rebuilt = ensureBuilt();
const p1 = await suite('P1 transport overhead', 'src/transport/transport-main.ts');
const p2 = await suite('P2 against Octokit', 'src/peer/peer-main.ts');
const p3 = await suite('P3 scale', 'src/scale/scale-main.ts');
const p4 = await suite('P4 footprint', 'src/footprint/footprint-main.ts');
const faults = await suite('Fault matrix', 'src/faults/fault-matrix-main.ts');

const results = {
  machine,
  rebuilt,
  durationSeconds: Math.round((performance.now() - startedAt) / 1000),
  p1,
  p2,
  p3,
  p4,
  faults,
} as BenchmarkResults;
mkdirSync(path.join(BENCH_DIRECTORY, 'results'), { recursive: true });
writeFileSync(
  path.join(BENCH_DIRECTORY, 'results/latest.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
writeFileSync(
  path.join(REPOSITORY_ROOT, 'docs/performance.md'),
  renderPerformanceMarkdown(results),
);
process.stderr.write(
  `\nwrote bench/results/latest.json and docs/performance.md (${results.durationSeconds} s)\n`,
);
if (
  [p1, p2, p3, p4, faults].some(
    (outcome) => typeof outcome === 'object' && outcome !== null && 'error' in outcome,
  )
) {
  process.exitCode = 1;
}
