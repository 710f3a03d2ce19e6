import type {
  CollectResultV1,
  EvidenceScope,
  FactObservationV1,
  IngestOptionsV1,
  JsonValue,
} from '@evidencekit/core/connector';
import type { z } from 'zod';
import {
  type RunContext,
  runContextSchema,
  workflowRunWebhookSchema,
} from './api/workflow-run-payload-schema';
import type { GitHubActionsFactName } from './github-actions-facts';
import type { GitHubActionsConfig } from './github-actions-settings';
import { commitMatches, RELEASE_COMMIT } from './match-commit';
import { observeWorkflowConclusion } from './observe-workflow-conclusion';
import { runMetadata } from './run-metadata';

type Result = CollectResultV1<GitHubActionsFactName>;

const NOT_DERIVABLE_WARNING = {
  code: 'facts_not_derivable',
  message:
    'required_jobs_passed and artifact_digest_match need the jobs and artifacts API; an uploaded run payload carries neither, so only workflow_conclusion is reported',
};

/**
 * Normalizes an uploaded payload into `workflow_conclusion`: a `workflow_run` webhook delivery,
 * or a workflow's run context (`toJSON(github)`). A context triggered by `workflow_run` is read
 * through its event; any other context describes the run that printed it, which is still
 * running, so the fact is `pending`. A payload that is neither, or is for another commit than
 * the release, is `unavailable` with a reason that says what is wrong.
 */
export async function ingestWorkflowRun(
  options: IngestOptionsV1<GitHubActionsConfig>,
): Promise<Result> {
  const { payload, scope } = options;
  const releaseCommit = scope.release?.commit;
  if (releaseCommit !== undefined && !RELEASE_COMMIT.test(releaseCommit)) {
    return {
      facts: [
        {
          name: 'workflow_conclusion',
          kind: 'unavailable',
          reason: 'config',
          message:
            'scope.release.commit must be the commit SHA the release was built from, 7 to 64 hexadecimal characters',
        },
      ],
    };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return malformed(
      typeof payload === 'string'
        ? 'the payload is not JSON'
        : `the payload is ${Array.isArray(payload) ? 'an array' : String(payload)}, not a JSON object`,
    );
  }
  if ('workflow_run' in payload) return fromWebhook(payload, scope, 'workflow_run webhook');
  if ('run_id' in payload) {
    const context = runContextSchema.safeParse(payload);
    if (!context.success)
      return malformed(`the run context is malformed: ${issues(context.error)}`);
    const event = context.data.event;
    if (context.data.event_name === 'workflow_run' && typeof event === 'object' && event !== null) {
      return fromWebhook(event, scope, 'run context (workflow_run event)');
    }
    return fromOwnContext(context.data, scope);
  }
  return malformed(
    'the payload is neither a workflow_run webhook (no "workflow_run" object) nor a workflow run context from toJSON(github) (no "run_id")',
  );
}

function fromWebhook(payload: object, scope: EvidenceScope, kind: string): Result {
  const parsed = workflowRunWebhookSchema.safeParse(payload);
  if (!parsed.success) return malformed(`the ${kind} is malformed: ${issues(parsed.error)}`);
  const run = parsed.data.workflow_run;
  const source = { link: run.html_url };
  const metadata: Record<string, JsonValue> = {
    payload: kind,
    repository: parsed.data.repository?.full_name ?? null,
    commit: run.head_sha,
    runs: [runMetadata(run)],
  };
  const wrongCommit = commitMismatch(scope, run.head_sha);
  const fact: FactObservationV1<'workflow_conclusion'> =
    wrongCommit === undefined
      ? observeWorkflowConclusion([run], source)
      : {
          name: 'workflow_conclusion',
          kind: 'unavailable',
          reason: 'scope',
          message: wrongCommit,
          source,
        };
  const updated = Date.parse(run.updated_at ?? run.created_at);
  return {
    facts: [fact],
    warnings: [NOT_DERIVABLE_WARNING],
    providerMetadata: metadata,
    ...(Number.isFinite(updated) ? { observedAt: new Date(updated) } : {}),
  };
}

function fromOwnContext(context: RunContext, scope: EvidenceScope): Result {
  const attempt = context.run_attempt ?? '1';
  const link = `${(context.server_url ?? 'https://github.com').replace(/\/+$/, '')}/${context.repository}/actions/runs/${context.run_id}`;
  const wrongCommit = commitMismatch(scope, context.sha);
  const fact: FactObservationV1<'workflow_conclusion'> =
    wrongCommit === undefined
      ? {
          name: 'workflow_conclusion',
          kind: 'pending',
          reason: 'in_progress',
          message: `the run context was printed by run ${context.run_id} (attempt ${attempt}) of ${context.workflow ?? 'the workflow'} while it was running; upload the workflow_run event of a finished run, or collect from the API`,
          value: 'in_progress',
          source: { link },
        }
      : {
          name: 'workflow_conclusion',
          kind: 'unavailable',
          reason: 'scope',
          message: wrongCommit,
          source: { link },
        };
  return {
    facts: [fact],
    warnings: [NOT_DERIVABLE_WARNING],
    providerMetadata: {
      payload: 'run context',
      repository: context.repository,
      commit: context.sha,
      runs: [
        {
          id: Number(context.run_id),
          attempt: Number(attempt),
          name: context.workflow ?? null,
          event: context.event_name ?? null,
          htmlUrl: link,
        },
      ],
    },
  };
}

/**
 * Why the payload's commit is not the release's, or undefined when it is (or the scope names
 * no commit). The payload's SHA is already known to be a full one (the schemas require it).
 */
function commitMismatch(scope: EvidenceScope, sha: string): string | undefined {
  const release = scope.release?.commit;
  if (release === undefined || commitMatches(release, sha)) return undefined;
  return `the payload is about commit ${sha}, but the release is commit ${release}`;
}

function malformed(message: string): Result {
  return {
    facts: [
      { name: 'workflow_conclusion', kind: 'unavailable', reason: 'invalid_response', message },
    ],
  };
}

/** The first few schema issues as `path: message`, naming where the payload is wrong. */
function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
