import {
  collectEvidence,
  createLruCacheStore,
  createRuntime,
  type EvidenceTarget,
} from '@evidencekit/core';
import { createGitHubActions } from '@evidencekit/github-actions';
import { printJsonResult } from '../shared/child-process-suite';
import { startMemorySampler } from '../shared/memory-sampler';
import { artifactDigest, BENCH_REPOSITORY, BENCH_WORKFLOW, commitSha } from './github-fixtures';
import { measurePass } from './peer-pass';
import type { PeerSideResult } from './peer-side-result';

// The Evidencekit side of P2: `collectEvidence` with the GitHub Actions connector over every
// commit, twice on one runtime (the second pass revalidates with the cached ETags).
const [mockUrl = '', commitsText = '500', concurrencyText = '8'] = process.argv.slice(2);
const commits = Number(commitsText);
const concurrency = Number(concurrencyText);
process.env.BENCH_GITHUB_TOKEN = 'ghp_benchmarkTokenNotARealOne0000000000';

const github = createGitHubActions({ token: 'env:BENCH_GITHUB_TOKEN', baseUrl: mockUrl });
// Three answers a commit must fit in the cache for the warm pass to revalidate them all (the
// default store keeps 500 entries).
const runtime = createRuntime({
  cacheStore: createLruCacheStore({ maxEntries: commits * 3 + 100 }),
  rateLimits: { defaultBudget: { concurrency } },
});

function* targets(): Generator<EvidenceTarget> {
  for (let index = 0; index < commits; index++) {
    yield {
      connector: github,
      scope: {
        workspaceId: 'bench',
        service: 'octo-repo',
        environment: 'production',
        release: { commit: commitSha(index), artifactDigest: artifactDigest(index) },
      },
      selector: {
        repository: `${BENCH_REPOSITORY.owner}/${BENCH_REPOSITORY.repo}`,
        workflow: BENCH_WORKFLOW,
        requiredJobs: ['build', 'test'],
        requireArtifactDigest: true,
      },
    };
  }
}

async function pass(): Promise<number> {
  let passed = 0;
  for await (const record of collectEvidence({ targets: targets(), runtime, concurrency })) {
    if (record.status === 'passed') passed += 1;
  }
  return passed;
}

const memory = startMemorySampler();
const cold = await measurePass(mockUrl, pass);
const warm = await measurePass(mockUrl, pass);
const profile = memory.stop();
await runtime.close();
printJsonResult({ side: 'evidencekit', cold, warm, memory: profile } satisfies PeerSideResult);
