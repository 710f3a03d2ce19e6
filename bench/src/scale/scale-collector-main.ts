import { readFileSync } from 'node:fs';
import { collectEvidence, createRuntime, type EvidenceTarget } from '@evidencekit/core';
import { createGitHubActions } from '@evidencekit/github-actions';
import { createKubernetes } from '@evidencekit/kubernetes';
import { createPrometheus } from '@evidencekit/prometheus';
import { Agent } from 'undici';
import { artifactDigest, commitSha } from '../peer/github-fixtures';
import { printJsonResult } from '../shared/child-process-suite';
import { startMemorySampler } from '../shared/memory-sampler';
import type { ScaleRun, ScaleSettings } from './scale-settings';

// The measured process of P3: every target of the three connectors through one
// `collectEvidence` run, records consumed and dropped as they stream out.
const settings = JSON.parse(process.argv[2] ?? '{}') as ScaleSettings;
const { urls, targetsPerConnector } = settings;
process.env.BENCH_GITHUB_TOKEN = 'ghp_benchmarkTokenNotARealOne0000000000';
process.env.BENCH_KUBERNETES_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.benchmark.token';
process.env.BENCH_PROMETHEUS_TOKEN = 'prometheus-benchmark-token-0000';

// The Kubernetes mock's throwaway certificate is trusted through a host dispatcher, the way the
// connector's docs tell hosts to trust a private cluster CA.
const dispatcher = new Agent({
  connections: settings.connectionsPerOrigin,
  keepAliveTimeout: 30_000,
  connect: { ca: readFileSync(settings.certificatePath) },
});
const budget = (requestsPerSecond: number) => ({
  concurrency: settings.connectionsPerOrigin,
  requestsPerInterval: requestsPerSecond,
  intervalMs: 1000,
});
const runtime = createRuntime({
  dispatcher,
  rateLimits: {
    origins: {
      [urls.github]: budget(settings.requestsPerSecond.github),
      [urls.prometheus]: budget(settings.requestsPerSecond.prometheus),
      [urls.kubernetes]: budget(settings.requestsPerSecond.kubernetes),
    },
  },
});

const github = createGitHubActions({ token: 'env:BENCH_GITHUB_TOKEN', baseUrl: urls.github });
const prometheus = createPrometheus({
  baseUrl: urls.prometheus,
  auth: { type: 'bearer', token: 'env:BENCH_PROMETHEUS_TOKEN' },
});
const kubernetes = createKubernetes({
  auth: 'token',
  server: urls.kubernetes,
  token: 'env:BENCH_KUBERNETES_TOKEN',
});

function* targets(): Generator<EvidenceTarget> {
  for (let index = 0; index < targetsPerConnector; index++) {
    const scope = { workspaceId: 'bench', service: `service-${index}`, environment: 'production' };
    yield {
      connector: github,
      scope: {
        ...scope,
        release: { commit: commitSha(index), artifactDigest: artifactDigest(index) },
      },
      selector: {
        repository: 'octo-org/octo-repo',
        workflow: 'build.yml',
        requiredJobs: ['build'],
      },
    };
    yield { connector: prometheus, scope, selector: {} };
    yield {
      connector: kubernetes,
      scope,
      selector: { namespace: `team-${index}`, deployment: 'nginx-deployment' },
    };
  }
}

const statuses: Record<string, number> = {};
const memory = startMemorySampler(50);
const startedAt = performance.now();
for await (const record of collectEvidence({
  targets: targets(),
  runtime,
  concurrency: settings.engineConcurrency,
})) {
  const key = `${record.connector}:${record.status}`;
  statuses[key] = (statuses[key] ?? 0) + 1;
}
const wallMs = Math.round(performance.now() - startedAt);
const profile = memory.stop();
// The parent starts this process with `--expose-gc`: a full collection tells what the run
// retains (the runtime's cache, pools, limiter state) from garbage V8 has not yet reclaimed.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
collectGarbage?.();
const liveHeapAfterRunMegabytes =
  collectGarbage === undefined
    ? undefined
    : Math.round((process.memoryUsage().heapUsed / (1024 * 1024)) * 10) / 10;
await runtime.close();
await dispatcher.close();
printJsonResult({
  wallMs,
  statuses,
  memory: profile,
  ...(liveHeapAfterRunMegabytes === undefined ? {} : { liveHeapAfterRunMegabytes }),
} satisfies ScaleRun);
