import type { ConnectorRuntime, HttpClient } from '@evidencekit/core/connector';
import { describeGitHubActionsError } from './describe-github-actions-error';
import type { GitHubActionsConfig } from './github-actions-settings';

/** The REST API version every request pins, so response shapes do not change under us. */
export const GITHUB_API_VERSION = '2022-11-28';

/**
 * The connector's client for GitHub's REST API: the pinned API version and media type, the
 * token as a bearer credential resolved at request time, and the runtime's default cache, so
 * every GET is revalidated with its ETag (a 304 costs no primary rate limit). A forbidden 403
 * names the permission GitHub asks for (`describeGitHubActionsError`).
 */
export function createGitHubActionsClient(
  runtime: ConnectorRuntime,
  settings: GitHubActionsConfig,
): HttpClient {
  return runtime.http({
    baseUrl: settings.baseUrl,
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': GITHUB_API_VERSION,
    },
    auth: { type: 'bearer', token: settings.token },
    describeError: describeGitHubActionsError,
  });
}
