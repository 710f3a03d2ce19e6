import {
  ApiCallError,
  type CheckFindingV1,
  type CheckOptionsV1,
  type CheckResultV1,
  type HttpClient,
} from '@evidencekit/core/connector';
import { rateLimitSchema } from './api/rate-limit-schema';
import { broadScopes } from './classify-token-scopes';
import { createGitHubActionsClient } from './create-github-actions-client';
import { acceptedPermissions } from './describe-github-actions-error';
import type { GitHubActionsConfig } from './github-actions-settings';
import { repositoryPath } from './repository-name';

/** The narrower credential the check recommends. */
export const LEAST_PRIVILEGE_CREDENTIAL =
  'a fine-grained token (or GitHub App) limited to the one repository with Actions: read and Deployments: read';

/**
 * Checks the connection, the token and its breadth: `GET /rate_limit` (free of rate-limit
 * cost) proves the token works and shows a classic token's scopes; with `checkRepository`,
 * one workflow-run read proves Actions: read there. 401s and rate limits propagate (the
 * engine reports them, failing fast); a 403 or 404 on the repository is a finding.
 */
export async function checkGitHubToken(
  options: CheckOptionsV1<GitHubActionsConfig>,
): Promise<CheckResultV1> {
  const { config, runtime } = options;
  const client = createGitHubActionsClient(runtime, config);
  const findings: CheckFindingV1[] = [];

  // Rate-limit state changes with every call, so it is never answered from the cache.
  const response = await client.request({
    path: 'rate_limit',
    cache: 'no-store',
    acceptStatus: [404],
  });
  if (response.status === 404) {
    // GitHub Enterprise Server answers 404 here when rate limiting is turned off.
    findings.push({
      status: 'ok',
      code: 'authenticated',
      message: `${config.baseUrl} accepted the token (rate limiting is turned off on this server)`,
    });
  } else {
    const parsed = rateLimitSchema.safeParse(response.data);
    findings.push({
      status: 'ok',
      code: 'authenticated',
      message: parsed.success
        ? `${config.baseUrl} accepted the token; ${parsed.data.rate.remaining} of ${parsed.data.rate.limit} requests left in this rate-limit window`
        : `${config.baseUrl} accepted the token`,
    });
  }
  findings.push(scopeFinding(response.headers['x-oauth-scopes']));

  if (config.checkRepository !== undefined) {
    findings.push(await repositoryFinding(client, config.checkRepository));
  }
  return { ok: findings.every((finding) => finding.status !== 'error'), findings };
}

function scopeFinding(scopesHeader: string | undefined): CheckFindingV1 {
  const broad = broadScopes(scopesHeader);
  if (broad === undefined) {
    return {
      status: 'ok',
      code: 'least_privilege',
      message:
        'the token is not a classic token (no OAuth scopes): make sure it is limited to the repositories you gate, with Actions: read',
    };
  }
  if (broad.length > 0) {
    return {
      status: 'warning',
      code: 'credential_too_broad',
      message: `the classic token has the scope(s) ${broad.join(', ')}, which grant write or admin access; this connector only reads. Use ${LEAST_PRIVILEGE_CREDENTIAL}.`,
    };
  }
  return {
    status: 'ok',
    code: 'least_privilege',
    message: `the classic token has only read scopes; it can read public repositories only. For a private repository use ${LEAST_PRIVILEGE_CREDENTIAL}.`,
  };
}

async function repositoryFinding(client: HttpClient, repository: string): Promise<CheckFindingV1> {
  try {
    await client.request({
      path: `${repositoryPath(repository)}/actions/runs`,
      query: { per_page: 1 },
    });
    return {
      status: 'ok',
      code: 'repository_readable',
      message: `the token can read workflow runs of ${repository}`,
    };
  } catch (error) {
    if (!ApiCallError.isInstance(error)) throw error;
    if (error.reason === 'forbidden') {
      const permissions = acceptedPermissions(error);
      return {
        status: 'error',
        code: 'forbidden',
        message: `the token cannot read workflow runs of ${repository}${
          permissions === undefined ? '' : ` (GitHub says it needs ${permissions})`
        }; grant Actions: read on that repository (${LEAST_PRIVILEGE_CREDENTIAL})`,
      };
    }
    if (error.reason === 'not_found') {
      return {
        status: 'error',
        code: 'not_found',
        message: `${repository} was not found: it does not exist, or the token cannot see it (GitHub answers 404 for private repositories a token has no access to)`,
      };
    }
    throw error;
  }
}
