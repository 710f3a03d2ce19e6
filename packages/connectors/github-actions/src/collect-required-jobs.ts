import type { FactObservationV1, FactSource, HttpClient } from '@evidencekit/core/connector';
import { type WorkflowJob, workflowJobsPageSchema } from './api/workflow-jobs-schema';
import type { WorkflowRun } from './api/workflow-runs-schema';
import { repositoryPath } from './repository-name';
import { describeRun, isUnfinished } from './workflow-run-state';

/** At most 500 jobs per run: a cap, so a huge matrix cannot page forever. */
const MAX_JOB_PAGES = 5;

/** Conclusions that do not fail a job nobody named as required. */
const HARMLESS_CONCLUSIONS: ReadonlySet<string> = new Set(['success', 'skipped', 'neutral']);

/** The jobs of the latest attempt of each run, read one run after another. */
export async function listJobs(
  client: HttpClient,
  repository: string,
  runs: readonly WorkflowRun[],
): Promise<WorkflowJob[]> {
  const jobs: WorkflowJob[] = [];
  // Serially, as GitHub asks, to stay clear of its secondary rate limits.
  for (const run of runs) {
    for await (const job of client.paginate(
      {
        path: jobsPath(repository, run.id),
        // `latest`: the jobs of the most recent attempt, including jobs a re-run kept.
        query: { filter: 'latest', per_page: 100 },
        schema: workflowJobsPageSchema,
        maxPages: MAX_JOB_PAGES,
      },
      { type: 'link' },
      (page) => page.jobs,
    )) {
      // The path names the run; a job the provider lists for another run must not decide it.
      if (job.run_id === run.id) jobs.push(job);
    }
  }
  return jobs;
}

/** The API path of a run's jobs. */
export function jobsPath(repository: string, runId: number): string {
  return `${repositoryPath(repository)}/actions/runs/${runId}/jobs`;
}

/** True when `job` is the required job `required`, itself or one of its matrix or reusable-workflow expansions. */
export function jobMatches(job: WorkflowJob, required: string): boolean {
  return (
    job.name === required ||
    job.name.startsWith(`${required} (`) ||
    job.name.startsWith(`${required} / `)
  );
}

/**
 * `required_jobs_passed`: how many required jobs did not succeed. Named required jobs must
 * exist and succeed (missing or skipped counts); without names every job counts and only
 * `failure`-like conclusions do. `pending` until every deciding run has completed: a running
 * run may not have created all its jobs yet, so the jobs listed so far prove nothing.
 */
export function observeRequiredJobs(options: {
  runs: readonly WorkflowRun[];
  jobs: readonly WorkflowJob[];
  requiredJobs: readonly string[] | undefined;
  source: FactSource;
}): FactObservationV1<'required_jobs_passed'> {
  const name = 'required_jobs_passed';
  const { runs, jobs, requiredJobs, source } = options;
  const runningRuns = runs.filter((run) => isUnfinished(run.status));
  if (jobs.length === 0) {
    return runningRuns.length > 0
      ? {
          name,
          kind: 'pending',
          reason: 'in_progress',
          message: 'the runs have not started their jobs yet',
          source,
        }
      : { name, kind: 'empty', source };
  }

  const notPassed: Array<{ label: string; job?: WorkflowJob }> = [];
  const unfinished: string[] = [];
  if (requiredJobs === undefined) {
    for (const job of jobs) {
      if (isUnfinished(job.status)) unfinished.push(job.name);
      else if (!HARMLESS_CONCLUSIONS.has(job.conclusion ?? '')) {
        notPassed.push({ label: `${job.name} (${job.conclusion ?? 'no conclusion'})`, job });
      }
    }
  } else {
    for (const required of requiredJobs) {
      const matching = jobs.filter((job) => jobMatches(job, required));
      if (matching.length === 0) {
        // A run still in progress may not have created the job yet.
        if (runningRuns.length > 0) unfinished.push(required);
        else notPassed.push({ label: `${required} (missing)` });
        continue;
      }
      for (const job of matching) {
        if (isUnfinished(job.status)) unfinished.push(job.name);
        else if (job.conclusion !== 'success') {
          notPassed.push({ label: `${job.name} (${job.conclusion ?? 'no conclusion'})`, job });
        }
      }
    }
  }

  const failedLink = notPassed.find((entry) => entry.job?.html_url)?.job?.html_url;
  const linked: FactSource =
    failedLink === undefined || failedLink === null ? source : { ...source, link: failedLink };
  if (unfinished.length > 0 || runningRuns.length > 0) {
    const failedSoFar =
      notPassed.length === 0
        ? ''
        : `; already not passed: ${notPassed.map((entry) => entry.label).join(', ')}`;
    const waitingFor =
      unfinished.length > 0
        ? `required jobs still running: ${unfinished.join(', ')}`
        : `${runningRuns.map((run) => `${describeRun(run)} is ${run.status ?? 'not started'}`).join(', ')}: it may still create or re-run jobs`;
    return {
      name,
      kind: 'pending',
      reason: 'in_progress',
      message: `${waitingFor}${failedSoFar}`,
      source: linked,
    };
  }
  return {
    name,
    kind: 'measured',
    value: notPassed.length,
    unit: 'count',
    source: linked,
    ...(notPassed.length === 0
      ? {}
      : { detail: `not passed: ${notPassed.map((entry) => entry.label).join(', ')}` }),
  };
}
