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

// `--only <suite>` (repeatable: transport, peer, scale, footprint, faults) runs those suites
// alone and prints their figures; the committed results and docs page are left as they were,
// since they describe a full run.
const SUITES = {
  transport: { name: 'P1 transport overhead', entry: 'src/transport/transport-main.ts' },
  peer: { name: 'P2 against Octokit', entry: 'src/peer/peer-main.ts' },
  scale: { name: 'P3 scale', entry: 'src/scale/scale-main.ts' },
  footprint: { name: 'P4 footprint', entry: 'src/footprint/footprint-main.ts' },
  faults: { name: 'Fault matrix', entry: 'src/faults/fault-matrix-main.ts' },
} as const;
type SuiteName = keyof typeof SUITES;

const only = selectedSuites(process.argv.slice(2));
if (only !== undefined) {
  ensureBuilt();
  let failed = false;
  for (const name of only) {
    const outcome = await suite<unknown>(SUITES[name].name, SUITES[name].entry);
    failed ||= typeof outcome === 'object' && outcome !== null && 'error' in outcome;
    process.stdout.write(`${JSON.stringify({ suite: name, result: outcome })}\n`);
  }
  process.exit(failed ? 1 : 0);
}

const startedAt = performance.now();
const machine = {
  ...describeMachine(),
  loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
};
const rebuilt = ensureBuilt();
const p1 = await suite('P1 transport overhead', SUITES.transport.entry);
const p2 = await suite('P2 against Octokit', SUITES.peer.entry);
const p3 = await suite('P3 scale', SUITES.scale.entry);
const p4 = await suite('P4 footprint', SUITES.footprint.entry);
const faults = await suite('Fault matrix', SUITES.faults.entry);

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

/**
 * The suites named by `--only` flags (`--only transport`, `--only=peer`), undefined without
 * any. An unknown name stops the run with the names that exist.
 */
function selectedSuites(args: readonly string[]): SuiteName[] | undefined {
  const names: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--only') names.push(args[++index] ?? '');
    else if (arg.startsWith('--only=')) names.push(arg.slice('--only='.length));
  }
  if (names.length === 0) return undefined;
  const known = Object.keys(SUITES);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(
      `--only expects one of ${known.join(', ')}; got ${unknown.map((name) => JSON.stringify(name)).join(', ')}.\n`,
    );
    process.exit(2);
  }
  return [...new Set(names)] as SuiteName[];
}
