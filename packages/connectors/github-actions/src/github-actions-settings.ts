import { secretReferenceSchema } from '@evidencekit/core/connector';
import { z } from 'zod';
import { repositorySchema } from './repository-name';

/** The public API of github.com; GitHub Enterprise uses its own (see `baseUrl`). */
export const GITHUB_API_URL = 'https://api.github.com';

/** Settings of the GitHub Actions connector. */
export const githubActionsSettingsSchema = z
  .strictObject({
    token: secretReferenceSchema().describe(
      'Reference to a GitHub token, e.g. "env:GITHUB_TOKEN". Least privilege: a fine-grained token on the one repository with Actions: read.',
    ),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .default(GITHUB_API_URL)
      .transform((url) => url.replace(/\/+$/, ''))
      .describe(
        'REST API root: https://api.github.com, https://{host}/api/v3 for GitHub Enterprise Server, https://api.{subdomain}.ghe.com for GHE.com.',
      ),
    checkRepository: repositorySchema
      .optional()
      .describe(
        'A repository ("owner/name") that checkConnector reads one workflow run from, to confirm the token has Actions: read there.',
      ),
  })
  .describe('GitHub Actions connector settings.');

/** Settings of `createGitHubActions`, as a host writes them (secrets as references). */
export type GitHubActionsSettings = z.input<typeof githubActionsSettingsSchema>;

/** Settings after validation and defaults, as `doCollect` and `doCheck` receive them. */
export type GitHubActionsConfig = z.output<typeof githubActionsSettingsSchema>;

/** @deprecated Renamed to {@link GitHubActionsConfig}; this alias goes in the next minor. */
export type ResolvedGitHubActionsSettings = GitHubActionsConfig;
