import type { FactObservationV1, FactSource } from '@evidencekit/core/connector';
import type { WorkflowRun } from './api/workflow-runs-schema';
import { conclusionSeverity, describeRun, isUnfinished } from './workflow-run-state';

/**
 * `workflow_conclusion` for the runs that decide a commit: `pending` while any of them is
 * queued, running or waiting (`awaiting_approval` when it waits for an environment's
 * reviewers), otherwise the worst conclusion as a word for the threshold to judge.
 */
export function observeWorkflowConclusion(
  runs: readonly WorkflowRun[],
  source: FactSource,
): FactObservationV1<'workflow_conclusion'> {
  const name = 'workflow_conclusion';
  if (runs.length === 0) return { name, kind: 'empty', source };

  const unfinished = runs.filter((run) => isUnfinished(run.status));
  if (unfinished.length > 0) {
    const waiting = unfinished.filter((run) => run.status === 'waiting');
    const first = waiting[0] ?? unfinished[0];
    return {
      name,
      kind: 'pending',
      reason: waiting.length > 0 ? 'awaiting_approval' : 'in_progress',
      message:
        waiting.length > 0
          ? `${waiting.map(describeRun).join(', ')} waits for a deployment review`
          : `${unfinished.map((run) => `${describeRun(run)} is ${run.status ?? 'not started'}`).join(', ')}`,
      value: first?.status ?? 'queued',
      source: withLink(source, first),
    };
  }

  const withoutConclusion = runs.find((run) => !run.conclusion);
  if (withoutConclusion !== undefined) {
    // GitHub sets a conclusion on every completed run; without one nothing can be judged.
    return {
      name,
      kind: 'unavailable',
      reason: 'invalid_response',
      message: `${describeRun(withoutConclusion)} is completed but has no conclusion`,
      source: withLink(source, withoutConclusion),
    };
  }

  const worst = [...runs].sort(
    (left, right) =>
      conclusionSeverity(left.conclusion ?? '') - conclusionSeverity(right.conclusion ?? ''),
  )[0];
  const conclusion = worst?.conclusion ?? '';
  const others = runs.filter((run) => run.conclusion !== 'success');
  return {
    name,
    kind: 'word',
    value: conclusion,
    source: withLink(source, worst),
    ...(runs.length > 1 && others.length > 0
      ? { detail: others.map((run) => `${describeRun(run)}: ${run.conclusion ?? ''}`).join(', ') }
      : {}),
  };
}

function withLink(source: FactSource, run: WorkflowRun | undefined): FactSource {
  return run === undefined ? source : { ...source, link: run.html_url };
}
