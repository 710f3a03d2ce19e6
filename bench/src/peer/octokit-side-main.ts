import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { printJsonResult } from '../shared/child-process-suite';
import { startMemorySampler } from '../shared/memory-sampler';
import { artifactDigest, BENCH_REPOSITORY, BENCH_WORKFLOW, commitSha } from './github-fixtures';
import { forEachConcurrently, measurePass } from './peer-pass';
import type { PeerSideResult } from './peer-side-result';

// The Octokit side of P2: the same three calls per commit (runs of the workflow for the commit,
// then the latest run's jobs and artifacts, each paginated) with the retry and throttling
// plugins, and the same checks on the answers.
const [mockUrl = '', commitsText = '500', concurrencyText = '8'] = process.argv.slice(2);
const commits = Number(commitsText);
const concurrency = Number(concurrencyText);

const BenchOctokit = Octokit.plugin(retry, throttling);
const octokit = new BenchOctokit({
  auth: 'ghp_benchmarkTokenNotARealOne0000000000',
  baseUrl: mockUrl,
  throttle: {
    onRateLimit: (_retryAfter, _options, _octokit, retryCount) => retryCount < 2,
    onSecondaryRateLimit: () => false,
  },
});
const { owner, repo } = BENCH_REPOSITORY;

async function collectCommit(index: number): Promise<boolean> {
  const head_sha = commitSha(index);
  const runs = await octokit.paginate(octokit.rest.actions.listWorkflowRuns, {
    owner,
    repo,
    workflow_id: BENCH_WORKFLOW,
    head_sha,
    per_page: 100,
    exclude_pull_requests: true,
  });
  const latest = runs
    .filter((run) => run.head_sha === head_sha)
    .sort((left, right) => right.run_number - left.run_number)[0];
  if (latest === undefined) return false;
  const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
    owner,
    repo,
    run_id: latest.id,
    filter: 'latest',
    per_page: 100,
  });
  const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
    owner,
    repo,
    run_id: latest.id,
    per_page: 100,
  });
  const required = ['build', 'test'];
  const jobsPassed = required.every((name) => {
    const matching = jobs.filter((job) => job.name === name || job.name.startsWith(`${name} (`));
    return matching.length > 0 && matching.every((job) => job.conclusion === 'success');
  });
  const digestMatches = artifacts.some((artifact) => artifact.digest === artifactDigest(index));
  return latest.conclusion === 'success' && jobsPassed && digestMatches;
}

async function pass(): Promise<number> {
  let passed = 0;
  await forEachConcurrently(commits, concurrency, async (index) => {
    if (await collectCommit(index)) passed += 1;
  });
  return passed;
}

const memory = startMemorySampler();
const cold = await measurePass(mockUrl, pass);
const warm = await measurePass(mockUrl, pass);
printJsonResult({ side: 'octokit', cold, warm, memory: memory.stop() } satisfies PeerSideResult);
