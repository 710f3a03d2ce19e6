import {
  type CollectOptionsV1,
  type CollectResultV1,
  ConfigurationError,
  type FactObservationV1,
  type JsonValue,
  observeOrUnavailable,
} from '@evidencekit/core/connector';
import type { WorkflowJob } from './api/workflow-jobs-schema';
import type { WorkflowRun } from './api/workflow-runs-schema';
import {
  artifactsPath,
  listArtifacts,
  observeArtifactDigest,
  type RunArtifact,
} from './collect-artifact-digest';
import { jobsPath, listJobs, observeRequiredJobs } from './collect-required-jobs';
import { listWorkflowRuns } from './collect-workflow-runs';
import { createGitHubActionsClient } from './create-github-actions-client';
import type { GitHubActionsFactName } from './github-actions-facts';
import type { ParsedGitHubActionsSelector } from './github-actions-selector';
import type { GitHubActionsConfig } from './github-actions-settings';
import { RELEASE_COMMIT } from './match-commit';

import { observeWorkflowConclusion } from './observe-workflow-conclusion';
import { runMetadata } from './run-metadata';
import { latestRunPerWorkflow } from './workflow-run-state';

type Observation = FactObservationV1<GitHubActionsFactName>;

/**
 * Collects the facts of one target: the commit's workflow runs (the latest per workflow),
 * then, one request after another, their jobs and artifacts. A failure listing the runs fails
 * the whole collection; a failure reading jobs or artifacts makes only that fact unavailable.
 */
export async function collectGitHubActions(
  options: CollectOptionsV1<GitHubActionsConfig, ParsedGitHubActionsSelector>,
): Promise<CollectResultV1<GitHubActionsFactName>> {
  const { config, selector, scope, runtime, signal } = options;
  const commit = scope.release?.commit;
  if (commit === undefined || !RELEASE_COMMIT.test(commit)) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'scope.release.commit',
          expected:
            'the commit SHA the release was built from, 7 to 64 hexadecimal characters (GitHub Actions runs are found by commit)',
          received: commit === undefined ? 'nothing' : JSON.stringify(commit.slice(0, 80)),
        },
      ],
    });
  }
  const releaseDigest = scope.release?.artifactDigest;
  const client = createGitHubActionsClient(runtime, config);
  const apiUrl = (path: string) => `${config.baseUrl}/${path}`;

  const listing = await listWorkflowRuns(client, {
    repository: selector.repository,
    commit,
    workflow: selector.workflow,
  });
  const runs = latestRunPerWorkflow(listing.runs);
  const runsSource = { url: `${config.baseUrl}${listing.path}` };
  const facts: Observation[] = [observeWorkflowConclusion(runs, runsSource)];
  const firstRunId = runs[0]?.id;

  let jobs: WorkflowJob[] = [];
  const jobsSource =
    firstRunId === undefined
      ? runsSource
      : { url: apiUrl(jobsPath(selector.repository, firstRunId)) };
  facts.push(
    await observeOrUnavailable('required_jobs_passed', { signal }, async () => {
      jobs = runs.length === 0 ? [] : await listJobs(client, selector.repository, runs);
      return observeRequiredJobs({
        runs,
        jobs,
        requiredJobs: selector.requiredJobs,
        source: jobsSource,
      });
    }),
  );

  let artifacts: RunArtifact[] = [];
  if (releaseDigest === undefined) {
    if (selector.requireArtifactDigest) {
      facts.push({
        name: 'artifact_digest_match',
        kind: 'unavailable',
        reason: 'config',
        message:
          'requireArtifactDigest is set but scope.release.artifactDigest is not: give the digest of the released artifact ("sha256:…")',
      });
    }
  } else {
    const artifactsSource =
      firstRunId === undefined
        ? runsSource
        : { url: apiUrl(artifactsPath(selector.repository, firstRunId)) };
    facts.push(
      await observeOrUnavailable('artifact_digest_match', { signal }, async () => {
        artifacts =
          runs.length === 0
            ? []
            : await listArtifacts(client, selector.repository, runs, selector.artifactName);
        return observeArtifactDigest({
          runs,
          artifacts,
          releaseDigest,
          releaseCommit: commit,
          source: artifactsSource,
        });
      }),
    );
  }

  const observedAt = latestUpdate(runs);
  return {
    facts,
    ...(observedAt === undefined ? {} : { observedAt }),
    providerMetadata: providerMetadata(selector.repository, commit, runs, jobs, artifacts),
  };
}

/** The newest `updated_at` of the runs: when GitHub last changed what the facts describe. */
function latestUpdate(runs: readonly WorkflowRun[]): Date | undefined {
  const times = runs
    .map((run) => Date.parse(run.updated_at ?? run.created_at))
    .filter((time) => Number.isFinite(time));
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

function providerMetadata(
  repository: string,
  commit: string,
  runs: readonly WorkflowRun[],
  jobs: readonly WorkflowJob[],
  artifacts: readonly RunArtifact[],
): Record<string, JsonValue> {
  return {
    repository,
    commit,
    runs: runs.map(runMetadata),
    jobs: jobs.map((job) => ({
      id: job.id,
      runId: job.run_id,
      name: job.name,
      status: job.status,
      conclusion: job.conclusion ?? null,
      htmlUrl: job.html_url ?? null,
    })),
    artifacts: artifacts.map((artifact) => ({
      id: artifact.id,
      runId: artifact.runId,
      name: artifact.name,
      digest: artifact.digest ?? null,
      expired: artifact.expired ?? null,
    })),
  };
}
