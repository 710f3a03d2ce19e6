import type { JsonValue } from '@evidencekit/core/connector';
import type { WorkflowRun } from './api/workflow-runs-schema';

/** What a record's provider metadata keeps of a workflow run, collected or ingested alike. */
export function runMetadata(run: WorkflowRun): Record<string, JsonValue> {
  return {
    id: run.id,
    name: run.name ?? null,
    workflowId: run.workflow_id,
    path: run.path ?? null,
    event: run.event ?? null,
    attempt: run.run_attempt ?? null,
    status: run.status ?? null,
    conclusion: run.conclusion ?? null,
    htmlUrl: run.html_url,
  };
}
