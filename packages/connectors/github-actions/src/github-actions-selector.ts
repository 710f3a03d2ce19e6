import { z } from 'zod';
import { repositorySchema } from './repository-name';

const workflowFilePattern = /^[^/\\]+\.ya?ml$/;

/**
 * A workflow as GitHub's API takes it: its numeric id or its file name. A path such as
 * `.github/workflows/release.yml` is accepted and reduced to the file name.
 */
const workflowSchema = z.union([
  z.number().int().positive(),
  z
    .string()
    .transform((value) => value.replace(/^\.github\/workflows\//, ''))
    .pipe(
      z
        .string()
        .refine(
          (value) => /^\d+$/.test(value) || workflowFilePattern.test(value),
          'a workflow file name such as "release.yml", or its numeric id',
        ),
    ),
]);

/** What one GitHub Actions target reads. The commit comes from `scope.release.commit`. */
export const githubActionsSelectorSchema = z
  .strictObject({
    repository: repositorySchema.describe('The repository, "owner/name".'),
    workflow: workflowSchema
      .optional()
      .describe(
        'Only runs of this workflow (file name or id); every workflow of the commit otherwise.',
      ),
    requiredJobs: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Job names that must succeed; a matrix job "test" also matches "test (node 22)". Every job counts when absent.',
      ),
    requireArtifactDigest: z
      .boolean()
      .default(false)
      .describe(
        'Always report artifact_digest_match, and treat a release without scope.release.artifactDigest as a configuration error.',
      ),
    artifactName: z
      .string()
      .min(1)
      .optional()
      .describe('Only artifacts with this name are compared with the release digest.'),
  })
  .describe('A GitHub Actions target.');

/** A target's selector, as a host writes it. */
export type GitHubActionsSelector = z.input<typeof githubActionsSelectorSchema>;

/** A selector after validation and defaults, as `doCollect` receives it. */
export type ParsedGitHubActionsSelector = z.output<typeof githubActionsSelectorSchema>;

/** @deprecated Renamed to {@link ParsedGitHubActionsSelector}; this alias goes in the next minor. */
export type ResolvedGitHubActionsSelector = ParsedGitHubActionsSelector;
