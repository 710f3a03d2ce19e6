import { mockProviderRoutes } from '@evidencekit/testing';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { broadScopes } from '../src/classify-token-scopes';
import { rateLimitBody } from './fixtures/rate-limit';
import { workflowRun, workflowRunsPage } from './fixtures/workflow-runs';
import { checkWith, closeTestRuntimes, TEST_TOKEN } from './github-actions-harness';

const baseUrl = 'https://api.github.com';
const server = useProviderMockServer();
afterEach(() => closeTestRuntimes());

function mockRateLimit(headers: Record<string, string> = {}) {
  server.use(
    ...mockProviderRoutes(baseUrl, { 'GET /rate_limit': { json: rateLimitBody, headers } }),
  );
}

describe('broadScopes', () => {
  it.each([
    [undefined, undefined],
    ['', []],
    ['read:org, read:packages', []],
    ['repo', ['repo']],
    ['repo, workflow, read:org', ['repo', 'workflow']],
    [
      'admin:org, write:packages, delete_repo, public_repo',
      ['admin:org', 'write:packages', 'delete_repo', 'public_repo'],
    ],
    ['user:email, gist', ['gist']],
  ])('%j → %j', (header, expected) => {
    expect(broadScopes(header)).toEqual(expected);
  });
});

describe('checkConnector', () => {
  it('accepts a fine-grained token (no OAuth scopes) and reports the remaining budget', async () => {
    mockRateLimit();
    const check = await checkWith();

    expect(check.ok).toBe(true);
    expect(check.findings.map((finding) => finding.code)).toEqual([
      'authenticated',
      'least_privilege',
    ]);
    expect(check.findings[0]?.message).toContain('4999 of 5000');
    const [request] = server.recorder.find('GET /rate_limit', baseUrl);
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request?.headers['x-github-api-version']).toBe('2022-11-28');
  });

  it('warns when a classic token has write or admin scopes, naming the narrower choice', async () => {
    mockRateLimit({ 'x-oauth-scopes': 'repo, workflow, read:org' });
    const check = await checkWith();

    expect(check.ok).toBe(true);
    const warning = check.findings.find((finding) => finding.code === 'credential_too_broad');
    expect(warning?.status).toBe('warning');
    expect(warning?.message).toContain('repo, workflow');
    expect(warning?.message).toContain('fine-grained token');
    expect(warning?.message).toContain('Actions: read');
    expect(warning?.message).not.toContain('read:org,');
  });

  it('accepts a classic token with only read scopes', async () => {
    mockRateLimit({ 'x-oauth-scopes': 'read:org' });
    const check = await checkWith();

    expect(check.findings.map((finding) => finding.status)).toEqual(['ok', 'ok']);
  });

  it('passes on a GitHub Enterprise Server with rate limiting turned off', async () => {
    const ghes = 'https://github.example.com/api/v3';
    server.use(
      ...mockProviderRoutes(ghes, {
        'GET /rate_limit': { status: 404, json: { message: 'Not Found' } },
      }),
    );
    const check = await checkWith({ baseUrl: ghes });

    expect(check.ok).toBe(true);
    expect(check.findings[0]?.message).toContain('rate limiting is turned off');
  });

  it('reports a rejected token as an auth error without throwing', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, {
        'GET /rate_limit': { status: 401, json: { message: 'Bad credentials' } },
      }),
    );
    const check = await checkWith();

    expect(check.ok).toBe(false);
    expect(check.findings).toEqual([expect.objectContaining({ status: 'error', code: 'auth' })]);
    expect(JSON.stringify(check)).not.toContain(TEST_TOKEN);
  });

  describe('with checkRepository', () => {
    const runsRoute = 'GET /repos/:owner/:repo/actions/runs';

    it('confirms the token can read workflow runs there', async () => {
      mockRateLimit();
      server.use(
        ...mockProviderRoutes(baseUrl, {
          [runsRoute]: { json: workflowRunsPage([workflowRun()]) },
        }),
      );
      const check = await checkWith({ checkRepository: 'octo-org/octo-repo' });

      expect(check.ok).toBe(true);
      expect(check.findings.at(-1)).toMatchObject({ status: 'ok', code: 'repository_readable' });
      expect(server.recorder.find(runsRoute, baseUrl)[0]?.url.searchParams.get('per_page')).toBe(
        '1',
      );
    });

    it('names the permission from X-Accepted-GitHub-Permissions on a 403', async () => {
      mockRateLimit();
      server.use(
        ...mockProviderRoutes(baseUrl, {
          [runsRoute]: {
            status: 403,
            json: { message: 'Resource not accessible by personal access token' },
            headers: { 'x-accepted-github-permissions': 'actions=read' },
          },
        }),
      );
      const check = await checkWith({ checkRepository: 'octo-org/octo-repo' });

      expect(check.ok).toBe(false);
      const finding = check.findings.at(-1);
      expect(finding).toMatchObject({ status: 'error', code: 'forbidden' });
      expect(finding?.message).toContain('actions=read');
    });

    it('explains a 404 as a repository the token cannot see', async () => {
      mockRateLimit();
      server.use(
        ...mockProviderRoutes(baseUrl, {
          [runsRoute]: { status: 404, json: { message: 'Not Found' } },
        }),
      );
      const check = await checkWith({ checkRepository: 'octo-org/private-repo' });

      expect(check.ok).toBe(false);
      expect(check.findings.at(-1)).toMatchObject({ status: 'error', code: 'not_found' });
    });
  });
});
