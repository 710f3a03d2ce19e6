import type { HttpClient } from '@evidencekit/core/connector';
import { type WorkflowRun, workflowRunsPageSchema } from './api/workflow-runs-schema';
import { commitMatches } from './match-commit';
import { repositoryPath } from './repository-name';

/** GitHub returns at most 1,000 runs for a `head_sha` filter: 10 pages of 100. */
const MAX_RUN_PAGES = 10;

/** What `listWorkflowRuns` read. */
export interface WorkflowRunListing {
  runs: WorkflowRun[];
  /** The API path that was read, for `source.url`. */
  path: string;
}

/**
 * Lists the workflow runs of one commit, of one workflow when given, following `Link`
 * headers. Provider errors propagate (the engine turns them into typed reasons); a 403 names
 * the permission GitHub says is missing.
 */
export async function listWorkflowRuns(
  client: HttpClient,
  options: { repository: string; commit: string; workflow: string | number | undefined },
): Promise<WorkflowRunListing> {
  const base = repositoryPath(options.repository);
  const path =
    options.workflow === undefined
      ? `${base}/actions/runs`
      : `${base}/actions/workflows/${encodeURIComponent(String(options.workflow))}/runs`;
  const query = { head_sha: options.commit, per_page: 100, exclude_pull_requests: true };
  const runs: WorkflowRun[] = [];
  for await (const run of client.paginate(
    { path, query, schema: workflowRunsPageSchema, maxPages: MAX_RUN_PAGES },
    { type: 'link' },
    (page) => page.workflow_runs,
  )) {
    // The filter is the provider's; a run for another commit must not decide this one.
    if (commitMatches(options.commit, run.head_sha)) runs.push(run);
  }
  return { runs, path: `/${path}?head_sha=${options.commit}` };
}
