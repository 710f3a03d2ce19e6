import type { FactDefinitionV1 } from '@evidencekit/core/connector';

/** The facts the GitHub Actions connector can report. */
export type GitHubActionsFactName =
  | 'workflow_conclusion'
  | 'required_jobs_passed'
  | 'artifact_digest_match';

/** The fact catalog: what each fact checks, its unit, default threshold and operator action. */
export const GITHUB_ACTIONS_FACTS = [
  {
    name: 'workflow_conclusion',
    description:
      "The conclusion of the commit's workflow runs (the latest run of each workflow; the worst conclusion when there are several).",
    unit: 'word',
    defaultThreshold: '== success',
    defaultAction:
      'Open the workflow run, fix what failed and re-run it; the release waits for a successful run on this commit.',
  },
  {
    name: 'required_jobs_passed',
    description:
      'How many required jobs of those runs did not succeed (a required job that is missing or skipped counts); pending until every run has completed, since a running run may not have created all its jobs.',
    unit: 'count',
    defaultThreshold: '== 0',
    defaultAction:
      'Open the failed jobs named in the reason, fix them and re-run the failed jobs before releasing.',
  },
  {
    name: 'artifact_digest_match',
    description:
      "Whether an artifact of those runs has the release's digest (scope.release.artifactDigest): match, mismatch or missing.",
    unit: 'word',
    defaultThreshold: '== match',
    defaultAction:
      'Release only the artifact the workflow built: compare the digests, rebuild with actions/upload-artifact v4 or newer if none is recorded.',
    // No artifact at all for the commit means the release artifact was not built here.
    whenEmpty: { status: 'failed', value: 'missing' },
  },
] as const satisfies readonly FactDefinitionV1<GitHubActionsFactName>[];
