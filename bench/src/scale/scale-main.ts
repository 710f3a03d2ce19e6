import { createSelfSignedCertificate } from '@evidencekit/testing';
import { bundleEntry } from '../shared/bundle-entry';
import { printJsonResult, runJsonChild } from '../shared/child-process-suite';
import { startServerChild } from '../shared/server-child';
import { ratio, round } from '../shared/statistics';
import type { ScaleProvider, ScaleRun, ScaleSettings } from './scale-settings';

/** The P3 result. */
export interface ScaleResult {
  settings: Omit<ScaleSettings, 'urls' | 'certificatePath'>;
  latencyMs: number;
  run: ScaleRun;
  /** Requests each mock answered. */
  requests: Record<ScaleProvider, number>;
  /** The shortest time the rate limits allow, s: the slowest provider's requests past its first second's burst. */
  floorSeconds: number;
  /** Wall time ÷ floor (the goal: ≤ 1.1). */
  wallToFloor: number | null;
}

const TARGETS = Number(process.env.BENCH_SCALE_TARGETS ?? '10000');
// Requests per target: GitHub 3 (runs, jobs, artifacts), Prometheus 5 (one query per fact),
// Kubernetes 3 (Deployment, ReplicaSets, pods). The budgets are set so that every provider
// needs about `FLOOR_SECONDS` at its limit: 500/s each would make the run take 100 s.
const FLOOR_SECONDS = Number(process.env.BENCH_SCALE_FLOOR_SECONDS ?? '40');
const REQUESTS_PER_TARGET: Record<ScaleProvider, number> = {
  github: 3,
  prometheus: 5,
  kubernetes: 3,
};
const LATENCY_MS = 5;

const requestsPerSecond = Object.fromEntries(
  Object.entries(REQUESTS_PER_TARGET).map(([provider, perTarget]) => [
    provider,
    Math.ceil((perTarget * TARGETS) / FLOOR_SECONDS),
  ]),
) as Record<ScaleProvider, number>;

const certificate = await createSelfSignedCertificate();
const mocks = await startServerChild<Record<ScaleProvider, number>>(
  'src/scale/scale-mocks-main.ts',
  [String(TARGETS), String(LATENCY_MS), certificate.certificatePath, certificate.keyPath],
);
const urls: Record<ScaleProvider, string> = {
  github: `http://127.0.0.1:${mocks.ready.github}`,
  prometheus: `http://127.0.0.1:${mocks.ready.prometheus}`,
  kubernetes: `https://127.0.0.1:${mocks.ready.kubernetes}`,
};
const settings: ScaleSettings = {
  targetsPerConnector: TARGETS,
  urls,
  requestsPerSecond,
  connectionsPerOrigin: 32,
  engineConcurrency: 96,
  certificatePath: certificate.certificatePath,
};
let run: ScaleRun;
let requests: Record<ScaleProvider, number>;
try {
  // Plain node on a bundle of the collector: the measured RSS is the host's, without tsx.
  const collector = 'src/scale/scale-collector-main.ts';
  run = await runJsonChild<ScaleRun>(collector, [JSON.stringify(settings)], {
    plainNode: bundleEntry(collector),
    // Only exposes `gc()` (called once, after the measured run); collection is unchanged.
    nodeOptions: ['--expose-gc'],
  });
  requests = (await (await fetch(`${urls.github}/__bench/stats`)).json()) as Record<
    ScaleProvider,
    number
  >;
} finally {
  await mocks.stop();
  await certificate.remove();
}
const floorSeconds = round(
  Math.max(
    ...(Object.keys(requests) as ScaleProvider[]).map(
      (provider) =>
        Math.max(0, requests[provider] - requestsPerSecond[provider]) / requestsPerSecond[provider],
    ),
  ),
  2,
);
process.stderr.write(
  `P3: ${run.wallMs} ms for ${TARGETS * 3} targets, floor ${floorSeconds} s, peak RSS ${run.memory.peakRssMegabytes} MB\n`,
);
const { urls: _urls, certificatePath: _certificatePath, ...shownSettings } = settings;
printJsonResult({
  settings: shownSettings,
  latencyMs: LATENCY_MS,
  run,
  requests,
  floorSeconds,
  wallToFloor: ratio(run.wallMs / 1000, floorSeconds),
} satisfies ScaleResult);
