import type { MockReplyContext } from '@evidencekit/testing';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_SERVER, NAMESPACE, ROUTES } from './fixtures/cluster';
import {
  accessReview,
  clusterAdminRulesReview,
  emptyRulesReview,
  leastPrivilegeRulesReview,
  statusFixture,
} from './fixtures/reviews';
import { checkWith, TEST_TOKEN } from './helpers';

const server = useProviderMockServer();

beforeEach(() => {
  vi.stubEnv('K8S_TEST_TOKEN', TEST_TOKEN);
});

/** Answers access reviews: allowed when `allow` says so for the asked attributes. */
function accessReviews(allow: (attributes: Record<string, string>) => boolean) {
  return async ({ request }: MockReplyContext) => {
    const body = (await request.json()) as { spec: { resourceAttributes: Record<string, string> } };
    return { status: 201, json: accessReview(allow(body.spec.resourceAttributes)) };
  };
}

describe('checkConnector', () => {
  it('is ok with the least-privilege Role, and asks the reviews it should', async () => {
    const check = await checkWith(server, {
      [ROUTES.rulesReview]: { status: 201, json: leastPrivilegeRulesReview },
      [ROUTES.accessReview]: accessReviews(() => false),
    });
    expect(check.ok).toBe(true);
    expect(check.findings.map((finding) => finding.status)).not.toContain('warning');
    expect(check.findings.map((finding) => finding.code)).toEqual(['connected', 'namespace_reads']);

    const [rules] = server.recorder.find(ROUTES.rulesReview, API_SERVER);
    expect(JSON.parse(rules?.body ?? '{}')).toMatchObject({
      kind: 'SelfSubjectRulesReview',
      spec: { namespace: NAMESPACE },
    });
    const asked = server.recorder
      .find(ROUTES.accessReview, API_SERVER)
      .map((request) => JSON.parse(request.body).spec.resourceAttributes);
    expect(asked).toEqual([
      { group: 'apps', resource: 'deployments', verb: 'list', namespace: '' },
      { group: 'apps', resource: 'deployments', verb: 'patch', namespace: NAMESPACE },
      { group: '', resource: 'pods', verb: 'delete', namespace: NAMESPACE },
    ]);
  });

  it('warns that cluster-admin is too broad and names the narrower Role', async () => {
    const check = await checkWith(server, {
      [ROUTES.rulesReview]: { status: 201, json: clusterAdminRulesReview },
      [ROUTES.accessReview]: accessReviews(() => true),
    });
    expect(check.ok).toBe(true);
    const broad = check.findings.find((finding) => finding.code === 'credential_too_broad');
    expect(broad?.status).toBe('warning');
    expect(broad?.message).toContain('list Deployments in every namespace');
    expect(broad?.message).toContain('patch deployments');
    expect(broad?.message).toContain('namespace-scoped Role');
  });

  it('warns about a credential that can read every namespace but write nothing', async () => {
    const check = await checkWith(server, {
      [ROUTES.rulesReview]: { status: 201, json: leastPrivilegeRulesReview },
      [ROUTES.accessReview]: accessReviews((attributes) => attributes.verb === 'list'),
    });
    const broad = check.findings.find((finding) => finding.code === 'credential_too_broad');
    expect(broad?.message).toContain('list Deployments in every namespace');
    expect(broad?.message).not.toContain('patch');
  });

  it('fails when the credential cannot read the namespace', async () => {
    const check = await checkWith(server, {
      [ROUTES.rulesReview]: { status: 201, json: emptyRulesReview },
      [ROUTES.accessReview]: accessReviews(() => false),
    });
    expect(check.ok).toBe(false);
    const missing = check.findings.find((finding) => finding.code === 'missing_permission');
    expect(missing?.status).toBe('error');
    expect(missing?.message).toContain('deployments.apps get');
    expect(missing?.message).toContain('pods list');
  });

  it('confirms reads one by one when the rules review is incomplete', async () => {
    const check = await checkWith(server, {
      [ROUTES.rulesReview]: {
        status: 201,
        json: {
          ...emptyRulesReview,
          status: {
            ...emptyRulesReview.status,
            incomplete: true,
            evaluationError: 'webhook authorizer',
          },
        },
      },
      [ROUTES.accessReview]: accessReviews(
        (attributes) =>
          attributes.namespace === NAMESPACE && ['get', 'list'].includes(attributes.verb ?? ''),
      ),
    });
    expect(check.ok).toBe(true);
    expect(check.findings.map((finding) => finding.code)).toContain('rules_incomplete');
  });

  it('reports a rejected token as an auth finding without the token', async () => {
    const check = await checkWith(server, {
      [ROUTES.rulesReview]: {
        status: 401,
        json: statusFixture(401, 'Unauthorized', 'Unauthorized'),
      },
    });
    expect(check.ok).toBe(false);
    expect(check.findings.at(-1)).toMatchObject({ status: 'error', code: 'auth' });
    expect(JSON.stringify(check)).not.toContain(TEST_TOKEN);
  });
});
