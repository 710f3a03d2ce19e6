import { printJsonResult, runJsonChild } from '../shared/child-process-suite';
import { startServerChild } from '../shared/server-child';
import { ratio } from '../shared/statistics';
import type { PeerSideResult } from './peer-side-result';

/** The P2 result. */
export interface PeerResult {
  commits: number;
  concurrency: number;
  latencyMs: number;
  evidencekit: PeerSideResult;
  octokit: PeerSideResult;
  /** Evidencekit ÷ Octokit, cold pass (the goal: ≤ 0.5). */
  wallTimeRatio: number | null;
  peakRssRatio: number | null;
  peakHeapRatio: number | null;
  /** Requests of the warm pass that cost primary rate limit (the goal: 0 for Evidencekit). */
  warmRateLimitCost: { evidencekit: number; octokit: number };
}

const COMMITS = Number(process.env.BENCH_PEER_COMMITS ?? '500');
const CONCURRENCY = 8;
const LATENCY_MS = 5;

const mock = await startServerChild<{ port: number }>('src/peer/github-api-mock-main.ts', [
  String(COMMITS),
  String(LATENCY_MS),
]);
const mockUrl = `http://127.0.0.1:${mock.ready.port}`;
const sideArguments = [mockUrl, String(COMMITS), String(CONCURRENCY)];
let evidencekit: PeerSideResult;
let octokit: PeerSideResult;
try {
  // Octokit first, then Evidencekit: each in a fresh process, against the same warm mock.
  octokit = await runJsonChild<PeerSideResult>('src/peer/octokit-side-main.ts', sideArguments);
  evidencekit = await runJsonChild<PeerSideResult>(
    'src/peer/evidencekit-side-main.ts',
    sideArguments,
  );
} finally {
  await mock.stop();
}
for (const side of [evidencekit, octokit]) {
  process.stderr.write(
    `P2 ${side.side}: cold ${side.cold.wallMs} ms (${side.cold.commitsPassed} passed), warm ${side.warm.wallMs} ms, ${side.warm.requests.ok} billed, peak RSS ${side.memory.peakRssMegabytes} MB\n`,
  );
}
printJsonResult({
  commits: COMMITS,
  concurrency: CONCURRENCY,
  latencyMs: LATENCY_MS,
  evidencekit,
  octokit,
  wallTimeRatio: ratio(evidencekit.cold.wallMs, octokit.cold.wallMs),
  peakRssRatio: ratio(evidencekit.memory.peakRssMegabytes, octokit.memory.peakRssMegabytes),
  peakHeapRatio: ratio(
    evidencekit.memory.peakHeapUsedMegabytes,
    octokit.memory.peakHeapUsedMegabytes,
  ),
  warmRateLimitCost: {
    evidencekit: evidencekit.warm.requests.ok,
    octokit: octokit.warm.requests.ok,
  },
} satisfies PeerResult);
