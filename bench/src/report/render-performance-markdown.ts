import type { FaultMatrixResult } from '../faults/fault-matrix-main';
import type { FootprintResult } from '../footprint/footprint-main';
import type { PeerResult } from '../peer/peer-main';
import type { ScaleResult } from '../scale/scale-main';
import type { TransportResult } from '../transport/transport-main';
import { type BenchmarkResults, isSuiteError, type SuiteOutcome } from './benchmark-results';

const goal = (met: boolean) => (met ? 'met' : '**not met**');
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly (string | number)[]>,
): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map((value) => cell(String(value))).join(' | ')} |`),
  ].join('\n');
}

function section<T>(outcome: SuiteOutcome<T>, render: (value: T) => string): string {
  return isSuiteError(outcome) ? `The suite failed: \`${outcome.error}\`.` : render(outcome);
}

function transport(result: TransportResult): string {
  const worst = Math.min(...result.rows.map((row) => row.evidencekitToUndici ?? 0));
  return [
    table(
      [
        'Concurrency',
        'Evidencekit ÷ undici',
        'fetch ÷ undici',
        'Evidencekit req/s',
        'undici req/s',
        'fetch req/s',
      ],
      result.rows.map((row) => [
        row.concurrency,
        row.evidencekitToUndici ?? '-',
        row.fetchToUndici ?? '-',
        row.requestsPerSecond.evidencekit,
        row.requestsPerSecond.undici,
        row.requestsPerSecond.fetch,
      ]),
    ),
    '',
    `Goal ≥ 0.9× raw undici: ${goal(worst >= 0.9)} (lowest ratio ${worst}). Median of ${result.rounds} rounds of ${result.durationMs / 1000} s after a ${result.warmupMs} ms warm-up.`,
  ].join('\n');
}

function peer(result: PeerResult): string {
  const { evidencekit, octokit } = result;
  return [
    table(
      ['', 'Evidencekit', 'Octokit', 'Ratio'],
      [
        [
          'Wall time, cold pass',
          `${evidencekit.cold.wallMs} ms`,
          `${octokit.cold.wallMs} ms`,
          result.wallTimeRatio ?? '-',
        ],
        ['Wall time, warm pass', `${evidencekit.warm.wallMs} ms`, `${octokit.warm.wallMs} ms`, '-'],
        [
          'Peak RSS',
          `${evidencekit.memory.peakRssMegabytes} MB`,
          `${octokit.memory.peakRssMegabytes} MB`,
          result.peakRssRatio ?? '-',
        ],
        [
          'Peak heap used',
          `${evidencekit.memory.peakHeapUsedMegabytes} MB`,
          `${octokit.memory.peakHeapUsedMegabytes} MB`,
          result.peakHeapRatio ?? '-',
        ],
        [
          'Commits with all checks green (cold)',
          evidencekit.cold.commitsPassed,
          octokit.cold.commitsPassed,
          '-',
        ],
        [
          'Requests, cold pass (200 / 304)',
          `${evidencekit.cold.requests.ok} / ${evidencekit.cold.requests.notModified}`,
          `${octokit.cold.requests.ok} / ${octokit.cold.requests.notModified}`,
          '-',
        ],
        [
          'Rate-limit cost of the warm pass (200s)',
          result.warmRateLimitCost.evidencekit,
          result.warmRateLimitCost.octokit,
          '-',
        ],
      ],
    ),
    '',
    `${result.commits} commits, ${result.concurrency} commits in flight on both sides, ${result.latencyMs} ms mock latency. ` +
      `Goals: wall time ≤ 0.5× Octokit: ${goal((result.wallTimeRatio ?? 1) <= 0.5)}; ` +
      `0 rate-limit cost on the warm pass: ${goal(result.warmRateLimitCost.evidencekit === 0)}.`,
  ].join('\n');
}

function scale(result: ScaleResult): string {
  const { run, settings } = result;
  const statuses = Object.entries(run.statuses)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
  return [
    table(
      [
        'Targets',
        'Requests (GitHub / Prometheus / Kubernetes)',
        'Budgets, req/s',
        'Floor',
        'Wall time',
        'Wall ÷ floor',
        'Peak RSS',
        'Peak heap used',
        'Peak heap reserved',
      ],
      [
        [
          settings.targetsPerConnector * 3,
          `${result.requests.github} / ${result.requests.prometheus} / ${result.requests.kubernetes}`,
          `${settings.requestsPerSecond.github} / ${settings.requestsPerSecond.prometheus} / ${settings.requestsPerSecond.kubernetes}`,
          `${result.floorSeconds} s`,
          `${(run.wallMs / 1000).toFixed(1)} s`,
          result.wallToFloor ?? '-',
          `${run.memory.peakRssMegabytes} MB`,
          `${run.memory.peakHeapUsedMegabytes} MB`,
          run.memory.peakHeapTotalMegabytes === undefined
            ? '-'
            : `${run.memory.peakHeapTotalMegabytes} MB`,
        ],
      ],
    ),
    '',
    `RSS at each tenth of the run (MB): ${run.memory.rssByTenthMegabytes.join(', ')}. Records: ${statuses}.` +
      (run.liveHeapAfterRunMegabytes === undefined
        ? ''
        : ` Heap still in use after the run and a full GC: ${run.liveHeapAfterRunMegabytes} MB` +
          ' (what the process retains; the rest of the peak heap was garbage V8 had not yet reclaimed).'),
    '',
    `Goals: wall time ≤ 1.1× the floor: ${goal((result.wallToFloor ?? 99) <= 1.1)}; peak RSS < 300 MB: ${goal(run.memory.peakRssMegabytes < 300)}.`,
  ].join('\n');
}

function footprint(result: FootprintResult): string {
  return [
    table(
      ['Package', 'Cold import (median)', 'dist/index.js', 'gzip', 'dist/index.cjs', 'All dist JS'],
      result.rows.map((row) => [
        row.package,
        `${row.coldImportMs} ms`,
        kilobytes(row.esmBytes),
        kilobytes(row.esmGzipBytes),
        kilobytes(row.cjsBytes),
        kilobytes(row.distJavaScriptBytes),
      ]),
    ),
    '',
    `Median of ${result.samples} fresh processes each; importing an empty module takes ${result.emptyImportMs} ms and zod alone (the copy core loads; every zod entry loads all its locales in plain Node) ${result.zodImportMs} ms. A connector's import includes core and zod.`,
  ].join('\n');
}

function faults(result: FaultMatrixResult): string {
  const { totals } = result;
  return [
    table(
      [
        'Runs',
        'Skipped (do not apply)',
        'Crashes',
        'False passes',
        'Leaked canary secrets',
        'Not as the kit requires',
      ],
      [
        [
          totals.runs,
          totals.skipped,
          totals.crashes,
          totals.falsePasses,
          totals.leakedSecrets,
          totals.nonConforming,
        ],
      ],
    ),
    '',
    `Goal 0 crashes, 0 false passes, 0 leaks: ${goal(totals.crashes + totals.falsePasses + totals.leakedSecrets === 0)}.`,
    '',
    "The kit's own verdict (`checkConnectorConformance`, which also checks aborts, `doCheck` and Retry-After waits):",
    '',
    table(
      ['Connector', 'Checks passed', 'Failed', 'Skipped'],
      result.conformance.map((verdict) => [
        verdict.connector,
        verdict.passed,
        verdict.failed,
        verdict.skipped,
      ]),
    ),
    '',
    '<details><summary>Every connector × route × scenario</summary>',
    '',
    table(
      [
        'Connector',
        'Route',
        'Scenario',
        'Required',
        'Record',
        'Facts of the route',
        'Time (real / waited)',
      ],
      result.outcomes.map((outcome) => [
        outcome.connector,
        `\`${outcome.route}\``,
        outcome.scenario,
        outcome.expected,
        outcome.skipped === undefined ? outcome.status : `skipped: ${outcome.skipped}`,
        outcome.facts || '-',
        outcome.skipped === undefined ? `${outcome.wallMs} ms / ${outcome.waitedMs} ms` : '-',
      ]),
    ),
    '',
    '</details>',
  ].join('\n');
}

/** `docs/performance.md`: the method, how to rerun it, and the figures of `results`. */
export function renderPerformanceMarkdown(results: BenchmarkResults): string {
  const { machine } = results;
  return `# Performance

<!-- Generated by \`pnpm bench\` (bench/src/report/render-performance-markdown.ts); do not edit by hand. -->

Evidencekit's benchmarks compare it with a baseline measured **in the same run, on the same
machine**: ratios are the figures to read; absolute numbers only describe this machine. Every
server is a local \`node:http\` (or \`node:https\`) server on loopback, with a set latency, in a
process of its own, so serving costs the measured process nothing.

Last run: ${machine.date}, ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGigabytes} GB,
Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverageAtStart.join(' / ')}
(other work on the machine slows the CPU-bound suites); ${results.durationSeconds} s in all.

## Rerun it

\`\`\`sh
pnpm install
pnpm bench     # builds stale packages, runs every suite, rewrites this page and bench/results/latest.json
pnpm bench --only transport   # one suite (transport, peer, scale, footprint, faults): prints its figures, rewrites nothing
\`\`\`

Every suite runs against the **built** packages (\`dist\`, what hosts run); \`pnpm bench\` rebuilds
any package whose \`dist\` is missing or older than its sources. Each suite and each side of a
comparison runs in its own Node process, so memory figures are its own. The raw figures are in
\`bench/results/latest.json\` (keys \`p1\`, \`p2\`, \`p3\`, \`p4\`, \`faults\`); the code is in \`bench/src\`,
one folder per suite. Knobs for quicker local runs: \`BENCH_TRANSPORT_ROUNDS\`,
\`BENCH_TRANSPORT_DURATION_MS\`, \`BENCH_PEER_COMMITS\`, \`BENCH_SCALE_TARGETS\`,
\`BENCH_SCALE_FLOOR_SECONDS\`.

## P1: transport overhead

Requests per second of one client against a loopback JSON endpoint answering at once (0 ms
latency, the harshest case: only client CPU counts), at 1, 16 and 128 requests in flight, each
request a new URL. **Evidencekit** is core's client (\`createRuntime().bind(…).http(…)\`) with retry,
the rate limiter and the cache all on: every URL is new, so every request takes the cache-miss
path and stores the answer (it carries an ETag). **undici** is \`undici.request\` on an \`Agent\` with
keep-alive; Evidencekit's pool and limiter get as many connections as undici's Agent (the
concurrency). **fetch** is Node's global \`fetch\`. Every client parses the JSON body. Clients run
in turn, in a rotating order, for several rounds; the table shows medians.

${section(results.p1, transport)}

## P2: against a peer (Octokit)

GitHub Actions evidence for every commit: the workflow runs of \`build.yml\` for the commit, then the
latest run's jobs and artifacts (each paginated), checking that the required jobs succeeded and an
artifact's digest is the release's. **Evidencekit** runs \`collectEvidence\` with
\`@evidencekit/github-actions\`; **Octokit** is \`@octokit/rest\` with \`@octokit/plugin-retry\` and
\`@octokit/plugin-throttling\` making the same three calls with \`octokit.paginate\` and the same checks.
Both run against the same GitHub API mock (realistic bodies from the API's documented examples,
strong ETags, 304 for a matching \`If-None-Match\`, GitHub's rate-limit headers), each side in its own
process sampling its RSS and heap every 25 ms. A second pass in the same process shows what a warm
cache saves: the mock counts answers with a body (what GitHub's primary rate limit charges) and
304s (free). Evidencekit's cache store is sized for the run (1,600 entries; the default keeps 500).
Octokit has no HTTP cache, so its second pass costs what the first did.

${section(results.p2, peer)}

## P3: scale

Targets of three connectors (GitHub Actions, Prometheus, Kubernetes; one each per index) in one
\`collectEvidence\` run against three loopback mocks (5 ms latency; the Kubernetes one over TLS with
a throwaway certificate, trusted through a host \`dispatcher\`), with a per-provider budget set
through the runtime's \`rateLimits\` option. Records are consumed and dropped as they stream out;
RSS is sampled every 50 ms. The measured process is plain \`node\` on a bundle of the collector
script (no TypeScript loader), with V8's default heap settings, so its RSS is what a host's would be. The floor is the shortest time the budgets allow: the slowest
provider's requests beyond its first second's burst, divided by its budget. The issue suggests
500 requests/s each; at that rate the run would take 100 s, so the budgets are scaled up instead of
the targets down: each provider's budget lets it finish in about the same time.

${section(results.p3, scale)}

## P4: footprint

Cold import of each package's built \`dist/index.js\` in a fresh \`node\` process (plain Node, no
TypeScript loader), and the size of its built files (gzip at level 9).

${section(results.p4, footprint)}

## Fault matrix

Every connector × every primary route × every scenario of \`FAULT_SCENARIOS\` from
\`@evidencekit/testing\`, with the settings, fixtures and routes of the connector's own conformance
test, on the runtime settings and virtual clock of the conformance kit (no real waiting). A canary
secret stands in for every credential. Counted: crashes (an exception out of \`collectEvidence\`),
false passes (a fault that must make facts unavailable left one \`passed\`), leaks (the canary, or
its base64 form, in the record, an error or a log line), and outcomes other than the kit requires.
Scenarios that do not apply (a route without \`Link\` pagination, a connector without HTTP) are
skipped.

${section(results.faults, faults)}
`;
}
