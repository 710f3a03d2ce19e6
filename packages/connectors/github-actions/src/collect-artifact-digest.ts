import type { FactObservationV1, FactSource, HttpClient } from '@evidencekit/core';
import { type Artifact, artifactsPageSchema } from './api/artifacts-schema';
import type { WorkflowRun } from './api/workflow-runs-schema';
import { explainForbidden } from './explain-forbidden';
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
    await explainForbidden(async () => {
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
    });
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
 * digest; `empty` (its rule: failed, `missing`) when the runs uploaded nothing. `pending` while
 * no match is found and a run may still upload one.
 */
export function observeArtifactDigest(options: {
  runs: readonly WorkflowRun[];
  artifacts: readonly RunArtifact[];
  releaseDigest: string;
  source: FactSource;
}): FactObservationV1<'artifact_digest_match'> {
  const name = 'artifact_digest_match';
  const { runs, artifacts, source } = options;
  const expected = options.releaseDigest.toLowerCase();
  const match = artifacts.find((artifact) => artifact.digest?.toLowerCase() === expected);
  if (match !== undefined) {
    return {
      name,
      kind: 'word',
      value: 'match',
      source,
      detail: `artifact "${match.name}" (id ${match.id})`,
    };
  }
  const stillRunning = runs.filter((run) => isUnfinished(run.status));
  if (stillRunning.length > 0) {
    return {
      name,
      kind: 'pending',
      reason: 'in_progress',
      message: 'no artifact with the release digest yet, and a run may still upload one',
      source,
    };
  }
  if (artifacts.length === 0) return { name, kind: 'empty', source };
  const withDigest = artifacts.filter((artifact) => artifact.digest);
  if (withDigest.length === 0) {
    return {
      name,
      kind: 'word',
      value: 'missing',
      source,
      detail: `no digest recorded on ${artifacts.map((artifact) => `"${artifact.name}"`).join(', ')} (uploaded before actions/upload-artifact v4)`,
    };
  }
  return {
    name,
    kind: 'word',
    value: 'mismatch',
    source,
    detail: `release ${options.releaseDigest}; artifacts: ${withDigest
      .map((artifact) => `"${artifact.name}" ${artifact.digest ?? ''}`)
      .join(', ')}`,
  };
}
