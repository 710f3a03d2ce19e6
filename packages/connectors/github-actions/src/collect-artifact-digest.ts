import type { FactObservationV1, FactSource, HttpClient } from '@evidencekit/core/connector';
import { type Artifact, artifactsPageSchema } from './api/artifacts-schema';
import type { WorkflowRun } from './api/workflow-runs-schema';
import { commitMatches } from './match-commit';
import { repositoryPath } from './repository-name';
import { isUnfinished } from './workflow-run-state';

/** At most 500 artifacts per run. */
const MAX_ARTIFACT_PAGES = 5;

/** An artifact with the run it belongs to. */
export interface RunArtifact extends Artifact {
  runId: number;
}

/** The artifacts of each run (only those named `artifactName` when given), serially. */
export async function listArtifacts(
  client: HttpClient,
  repository: string,
  runs: readonly WorkflowRun[],
  artifactName: string | undefined,
): Promise<RunArtifact[]> {
  const artifacts: RunArtifact[] = [];
  for (const run of runs) {
    for await (const artifact of client.paginate(
      {
        path: artifactsPath(repository, run.id),
        query: { per_page: 100, ...(artifactName === undefined ? {} : { name: artifactName }) },
        schema: artifactsPageSchema,
        maxPages: MAX_ARTIFACT_PAGES,
      },
      { type: 'link' },
      (page) => page.artifacts,
    )) {
      // The `name` filter is the provider's; keep the comparison honest if it is ignored.
      if (artifactName === undefined || artifact.name === artifactName) {
        artifacts.push({ ...artifact, runId: run.id });
      }
    }
  }
  return artifacts;
}

/** The API path of a run's artifacts. */
export function artifactsPath(repository: string, runId: number): string {
  return `${repositoryPath(repository)}/actions/runs/${runId}/artifacts`;
}

/**
 * `artifact_digest_match`: `match` when an artifact's digest equals the release digest,
 * `mismatch` when artifacts carry digests but none equals it, `missing` when none carries a
 * digest; `empty` (its rule: failed, `missing`) when the runs uploaded nothing.
 *
 * An artifact counts only when its `workflow_run` is the run it was listed for and that run's
 * `head_sha` is the release commit; one without `workflow_run` does not count. A match counts
 * only from a completed run (a running one may still fail or upload again): `pending` while
 * no completed run has a match and a run is unfinished. Expired artifacts count: the digest
 * GitHub recorded at upload still says what the run built, expiry only deletes the zip.
 */
export function observeArtifactDigest(options: {
  runs: readonly WorkflowRun[];
  artifacts: readonly RunArtifact[];
  releaseDigest: string;
  releaseCommit: string;
  source: FactSource;
}): FactObservationV1<'artifact_digest_match'> {
  const name = 'artifact_digest_match';
  const { runs, source } = options;
  const counted: RunArtifact[] = [];
  const notCounted: string[] = [];
  for (const artifact of options.artifacts) {
    const why = whyNotCounted(artifact, options.releaseCommit);
    if (why === undefined) counted.push(artifact);
    else notCounted.push(`"${artifact.name}" (id ${artifact.id}) ${why}`);
  }
  const notCountedNote =
    notCounted.length === 0 ? '' : `; not counted: ${notCounted.slice(0, 5).join(', ')}`;

  const expected = options.releaseDigest.toLowerCase();
  const completedRuns = new Set(
    runs.filter((run) => !isUnfinished(run.status)).map((run) => run.id),
  );
  const matching = counted.filter((artifact) => artifact.digest?.toLowerCase() === expected);
  const match = matching.find((artifact) => completedRuns.has(artifact.runId));
  if (match !== undefined) {
    return {
      name,
      kind: 'word',
      value: 'match',
      source,
      detail: `artifact "${match.name}" (id ${match.id}) of run ${match.runId}${match.expired === true ? ' (expired; its recorded digest still counts)' : ''}`,
    };
  }
  const stillRunning = runs.filter((run) => isUnfinished(run.status));
  if (stillRunning.length > 0) {
    return {
      name,
      kind: 'pending',
      reason: 'in_progress',
      message:
        matching.length > 0
          ? `artifact "${matching[0]?.name ?? ''}" has the release digest, but its run has not completed: it may still fail or upload again`
          : 'no artifact with the release digest yet, and a run may still upload one',
      source,
    };
  }
  if (counted.length === 0) {
    return {
      name,
      kind: 'empty',
      source,
      ...(notCounted.length === 0 ? {} : { detail: notCountedNote.slice(2) }),
    };
  }
  const withDigest = counted.filter((artifact) => artifact.digest);
  if (withDigest.length === 0) {
    return {
      name,
      kind: 'word',
      value: 'missing',
      source,
      detail: `no digest recorded on ${counted.map((artifact) => `"${artifact.name}"`).join(', ')} (uploaded before actions/upload-artifact v4)${notCountedNote}`,
    };
  }
  return {
    name,
    kind: 'word',
    value: 'mismatch',
    source,
    detail: `release ${options.releaseDigest}; artifacts: ${withDigest
      .map((artifact) => `"${artifact.name}" ${artifact.digest ?? ''}`)
      .join(', ')}${notCountedNote}`,
  };
}

/** Why an artifact is not evidence about the run and commit, or undefined when it is. */
function whyNotCounted(artifact: RunArtifact, releaseCommit: string): string | undefined {
  const run = artifact.workflow_run;
  if (run === undefined || run === null || run.id === undefined || run.id === null) {
    return 'names no workflow_run';
  }
  if (run.id !== artifact.runId) return `belongs to run ${run.id}, not ${artifact.runId}`;
  if (run.head_sha === undefined || run.head_sha === null) return 'names no head_sha';
  if (!commitMatches(releaseCommit, run.head_sha)) return `was built from commit ${run.head_sha}`;
  return undefined;
}
