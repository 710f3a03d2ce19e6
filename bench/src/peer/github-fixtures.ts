import { createHash } from 'node:crypto';

// Response bodies of the GitHub REST API (2022-11-28) for the peer benchmark, shaped like the
// examples on docs.github.com/en/rest/actions (workflow runs, workflow jobs, artifacts): the
// fields GitHub sends, trimmed of the long repository URL templates, so bodies weigh about what
// real ones do (a few KB a run).

/** The repository every benchmark commit belongs to. */
export const BENCH_REPOSITORY = { owner: 'octo-org', repo: 'octo-repo' } as const;
/** The workflow file each commit's run comes from. */
export const BENCH_WORKFLOW = 'build.yml';
/** Job names of every run (the connector requires `build` and `test`). */
export const BENCH_JOB_NAMES = ['build', 'test (node 22)', 'test (node 24)', 'lint'] as const;

/** The commit SHA of benchmark commit `index`. */
export function commitSha(index: number): string {
  return createHash('sha1').update(`evidencekit-bench-commit-${index}`).digest('hex');
}

/** The digest of the artifact built from commit `index`. */
export function artifactDigest(index: number): string {
  return `sha256:${createHash('sha256').update(`artifact-${index}`).digest('hex')}`;
}

/** The workflow run id of commit `index`. */
export function runId(index: number): number {
  return 9_000_000_000 + index;
}

const api = 'https://api.github.com/repos/octo-org/octo-repo';
const web = 'https://github.com/octo-org/octo-repo';

const owner = {
  login: 'octo-org',
  id: 6811672,
  node_id: 'MDEyOk9yZ2FuaXphdGlvbjY4MTE2NzI=',
  avatar_url: 'https://avatars.githubusercontent.com/u/6811672?v=4',
  url: 'https://api.github.com/users/octo-org',
  html_url: 'https://github.com/octo-org',
  type: 'Organization',
  site_admin: false,
};

const repository = {
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: 'octo-repo',
  full_name: 'octo-org/octo-repo',
  private: false,
  owner,
  html_url: web,
  description: 'This your first repo!',
  fork: false,
  url: api,
  archive_url: `${api}/{archive_format}{/ref}`,
  branches_url: `${api}/branches{/branch}`,
  commits_url: `${api}/commits{/sha}`,
  contents_url: `${api}/contents/{+path}`,
  deployments_url: `${api}/deployments`,
  events_url: `${api}/events`,
  git_commits_url: `${api}/git/commits{/sha}`,
  issues_url: `${api}/issues{/number}`,
  pulls_url: `${api}/pulls{/number}`,
  releases_url: `${api}/releases{/id}`,
  statuses_url: `${api}/statuses/{sha}`,
  tags_url: `${api}/tags`,
};

/** A completed, successful run of `build.yml` for commit `index`. */
export function workflowRun(index: number) {
  const id = runId(index);
  const sha = commitSha(index);
  const minute = String(index % 60).padStart(2, '0');
  return {
    id,
    name: 'Build',
    node_id: Buffer.from(`WorkflowRun${id}`).toString('base64'),
    head_branch: 'main',
    head_sha: sha,
    path: '.github/workflows/build.yml',
    display_title: `Release candidate ${index}`,
    run_number: 1000 + index,
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    workflow_id: 159038,
    check_suite_id: 414944374 + index,
    check_suite_node_id: Buffer.from(`CheckSuite${index}`).toString('base64'),
    url: `${api}/actions/runs/${id}`,
    html_url: `${web}/actions/runs/${id}`,
    pull_requests: [],
    created_at: `2026-11-20T10:${minute}:00Z`,
    updated_at: `2026-11-20T10:${minute}:59Z`,
    actor: owner,
    triggering_actor: owner,
    run_attempt: 1,
    referenced_workflows: [],
    run_started_at: `2026-11-20T10:${minute}:00Z`,
    jobs_url: `${api}/actions/runs/${id}/jobs`,
    logs_url: `${api}/actions/runs/${id}/logs`,
    check_suite_url: `${api}/check-suites/${414944374 + index}`,
    artifacts_url: `${api}/actions/runs/${id}/artifacts`,
    cancel_url: `${api}/actions/runs/${id}/cancel`,
    rerun_url: `${api}/actions/runs/${id}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${api}/actions/workflows/159038`,
    head_commit: {
      id: sha,
      tree_id: commitSha(index + 1_000_000),
      message: `Release candidate ${index}`,
      timestamp: `2026-11-20T09:${minute}:00Z`,
      author: { name: 'Octo Cat', email: 'octocat@github.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository,
    head_repository: repository,
  };
}

/** The jobs of commit `index`'s run, each with its steps. */
export function workflowJobs(index: number) {
  const id = runId(index);
  return BENCH_JOB_NAMES.map((name, jobIndex) => ({
    id: id * 10 + jobIndex,
    run_id: id,
    workflow_name: 'Build',
    head_branch: 'main',
    run_url: `${api}/actions/runs/${id}`,
    run_attempt: 1,
    node_id: Buffer.from(`Job${id}${jobIndex}`).toString('base64'),
    head_sha: commitSha(index),
    url: `${api}/actions/jobs/${id * 10 + jobIndex}`,
    html_url: `${web}/actions/runs/${id}/job/${id * 10 + jobIndex}`,
    status: 'completed',
    conclusion: 'success',
    created_at: '2026-11-20T10:00:00Z',
    started_at: '2026-11-20T10:00:05Z',
    completed_at: '2026-11-20T10:04:05Z',
    name,
    steps: ['Set up job', 'Checkout', 'Install', 'Run', 'Complete job'].map((stepName, number) => ({
      name: stepName,
      status: 'completed',
      conclusion: 'success',
      number: number + 1,
      started_at: '2026-11-20T10:00:05Z',
      completed_at: '2026-11-20T10:01:05Z',
    })),
    check_run_url: `${api}/check-runs/${id * 10 + jobIndex}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 2,
    runner_group_name: 'GitHub Actions',
  }));
}

/** The artifact commit `index`'s run uploaded. */
export function workflowArtifacts(index: number) {
  const id = runId(index);
  return [
    {
      id: id + 7,
      node_id: Buffer.from(`Artifact${id}`).toString('base64'),
      name: 'release-image',
      size_in_bytes: 556,
      url: `${api}/actions/artifacts/${id + 7}`,
      archive_download_url: `${api}/actions/artifacts/${id + 7}/zip`,
      expired: false,
      digest: artifactDigest(index),
      created_at: '2026-11-20T10:04:00Z',
      expires_at: '2027-02-18T10:04:00Z',
      updated_at: '2026-11-20T10:04:00Z',
      workflow_run: {
        id,
        repository_id: 1296269,
        head_repository_id: 1296269,
        head_branch: 'main',
        head_sha: commitSha(index),
      },
    },
  ];
}
