import type { WorkflowRun } from './api/workflow-runs-schema';

/**
 * True when a run or job status says it has not finished: anything but `completed` (GitHub's
 * `queued`, `in_progress`, `waiting`, `requested`, `pending`, a status it adds later, or none).
 * Only a completed run has all its jobs and artifacts, so nothing else is ever read as done.
 */
export function isUnfinished(status: string | null | undefined): boolean {
  return status !== 'completed';
}

// Worst first: the conclusion reported for several runs is the first one present here.
const CONCLUSION_SEVERITY: readonly string[] = [
  'failure',
  'startup_failure',
  'timed_out',
  'cancelled',
  'action_required',
  'stale',
  'neutral',
  'skipped',
  'success',
];

/** How bad a conclusion is: lower is worse; unknown conclusions rank as bad as `failure`. */
export function conclusionSeverity(conclusion: string): number {
  const index = CONCLUSION_SEVERITY.indexOf(conclusion);
  return index === -1 ? 0 : index;
}

/**
 * The runs that decide the commit: the most recent run of each workflow. A workflow run again
 * for the same commit (a manual dispatch after a failed push) supersedes its earlier runs;
 * re-runs keep their run id and only raise `run_attempt`.
 */
export function latestRunPerWorkflow(runs: readonly WorkflowRun[]): WorkflowRun[] {
  const latest = new Map<number, WorkflowRun>();
  for (const run of runs) {
    const current = latest.get(run.workflow_id);
    if (current === undefined || isNewer(run, current)) latest.set(run.workflow_id, run);
  }
  return [...latest.values()].sort((left, right) => left.id - right.id);
}

function isNewer(candidate: WorkflowRun, current: WorkflowRun): boolean {
  const candidateTime = Date.parse(candidate.created_at);
  const currentTime = Date.parse(current.created_at);
  if (candidateTime !== currentTime) return candidateTime > currentTime;
  return candidate.id > current.id;
}

/** The run's name for messages, e.g. `Release #42 (attempt 2)`. */
export function describeRun(run: WorkflowRun): string {
  const name = run.name ?? run.path ?? `workflow ${run.workflow_id}`;
  const number =
    run.run_number === null || run.run_number === undefined ? '' : ` #${run.run_number}`;
  const attempt =
    run.run_attempt !== null && run.run_attempt !== undefined && run.run_attempt > 1
      ? ` (attempt ${run.run_attempt})`
      : '';
  return `${name}${number}${attempt}`;
}
