import type { ApiCallError, DescribeHttpError } from '@evidencekit/core/connector';

/**
 * The fine-grained permissions GitHub says an endpoint needs, from the
 * `X-Accepted-GitHub-Permissions` header of a 403 (e.g. `actions=read`), or undefined.
 */
export function acceptedPermissions(error: Pick<ApiCallError, 'headers'>): string | undefined {
  const header = error.headers?.['x-accepted-github-permissions']?.trim();
  return header === undefined || header === '' ? undefined : header;
}

/**
 * GitHub's error answers in its terms, for the client's `describeError`: a `forbidden` 403
 * names the permission GitHub says the endpoint needs, so the operator learns what to grant
 * instead of a bare status, and is never retried. Rate-limited 403s keep the runtime's reading.
 */
export const describeGitHubActionsError: DescribeHttpError = (answer) => {
  if (answer.reason !== 'forbidden') return undefined;
  const permissions = acceptedPermissions(answer);
  return {
    retryable: false,
    detail:
      permissions === undefined
        ? 'The token cannot read GitHub Actions here: a fine-grained token needs Actions: read on the repository; a classic token needs repo for a private repository.'
        : `GitHub says the endpoint needs the fine-grained permission(s) ${permissions}.`,
  };
};
