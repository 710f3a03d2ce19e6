import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitHubActions } from '@evidencekit/github-actions';
import { createKubernetes } from '@evidencekit/kubernetes';
import { createPrometheus } from '@evidencekit/prometheus';
import type { ConnectorConformanceOptions } from '@evidencekit/testing';
import { createTrivy } from '@evidencekit/trivy';
import { createWebhook } from '@evidencekit/webhook';
import {
  ARTIFACT_DIGEST,
  artifact,
  artifactsPage,
} from '../../../packages/connectors/github-actions/test/fixtures/artifacts';
import { rateLimitBody } from '../../../packages/connectors/github-actions/test/fixtures/rate-limit';
import {
  workflowJob,
  workflowJobsPage,
} from '../../../packages/connectors/github-actions/test/fixtures/workflow-jobs';
import {
  COMMIT,
  REPOSITORY,
  workflowRun,
  workflowRunsPage,
} from '../../../packages/connectors/github-actions/test/fixtures/workflow-runs';
import {
  API_SERVER,
  NAMESPACE,
  ROUTES,
} from '../../../packages/connectors/kubernetes/test/fixtures/cluster';
import { deploymentFixture } from '../../../packages/connectors/kubernetes/test/fixtures/deployment';
import {
  healthyPodList,
  podListFixture,
} from '../../../packages/connectors/kubernetes/test/fixtures/pods';
import { replicaSetListFixture } from '../../../packages/connectors/kubernetes/test/fixtures/replica-sets';
import {
  accessReview,
  leastPrivilegeRulesReview,
} from '../../../packages/connectors/kubernetes/test/fixtures/reviews';
import {
  scope as kubernetesScope,
  selector as kubernetesSelector,
} from '../../../packages/connectors/kubernetes/test/helpers';
import {
  buildInfo,
  emptyVector,
  instantVector,
} from '../../../packages/connectors/prometheus/test/fixtures/query-responses';
import {
  IMAGE_DIGEST,
  imageReport,
} from '../../../packages/connectors/trivy/test/fixtures/trivy-reports';
import { ietfHealthPass } from '../../../packages/connectors/webhook/test/fixtures/health-bodies';
import { resolverFrom } from '../../../packages/connectors/webhook/test/support';

// The conformance settings of every connector, as its own conformance test declares them (same
// fixtures, routes and primary routes), so the matrix faults exactly what the kit faults.

const githubBaseUrl = 'https://api.github.com';
const prometheusBaseUrl = 'https://prometheus.example.test';
const webhookBaseUrl = 'https://status.acme.example';

/** Every connector with its conformance settings; Trivy's report goes in a temporary file. */
export function faultTargets(): ConnectorConformanceOptions[] {
  const trivyDirectory = mkdtempSync(path.join(tmpdir(), 'evidencekit-bench-trivy-'));
  const reportPath = path.join(trivyDirectory, 'trivy.json');
  writeFileSync(reportPath, JSON.stringify(imageReport));
  const targets = [
    {
      name: 'github-actions',
      createConnector: createGitHubActions,
      settings: (token: string) => ({ token }),
      target: {
        scope: {
          workspaceId: 'acme',
          service: 'octo-repo',
          environment: 'production',
          release: { commit: COMMIT, artifactDigest: ARTIFACT_DIGEST },
        },
        selector: {
          repository: REPOSITORY,
          workflow: 'build.yml',
          requiredJobs: ['build'],
          requireArtifactDigest: true,
        },
      },
      baseUrl: githubBaseUrl,
      routes: {
        'GET /repos/:owner/:repo/actions/workflows/:workflow/runs': {
          json: workflowRunsPage([workflowRun()]),
        },
        'GET /repos/:owner/:repo/actions/runs/:run_id/jobs': {
          json: workflowJobsPage([workflowJob()]),
        },
        'GET /repos/:owner/:repo/actions/runs/:run_id/artifacts': {
          json: artifactsPage([artifact()]),
        },
        'GET /rate_limit': { json: rateLimitBody },
      },
      primaryRoutes: [
        {
          route: 'GET /repos/:owner/:repo/actions/workflows/:workflow/runs',
          emptyBody: workflowRunsPage([]),
          pagination: 'link',
        },
        {
          route: 'GET /repos/:owner/:repo/actions/runs/:run_id/jobs',
          emptyBody: workflowJobsPage([]),
          pagination: 'link',
          facts: ['required_jobs_passed'],
        },
        {
          route: 'GET /repos/:owner/:repo/actions/runs/:run_id/artifacts',
          emptyBody: artifactsPage([]),
          pagination: 'link',
          facts: ['artifact_digest_match'],
        },
      ],
    },
    {
      name: 'prometheus',
      createConnector: createPrometheus,
      settings: (token: string) => ({
        baseUrl: prometheusBaseUrl,
        auth: { type: 'bearer', token },
      }),
      target: {
        scope: { workspaceId: 'acme', service: 'checkout-api', environment: 'production' },
        selector: {},
      },
      baseUrl: prometheusBaseUrl,
      routes: {
        'GET /api/v1/query': { json: instantVector('0.0042') },
        'GET /api/v1/status/buildinfo': { json: buildInfo },
      },
      primaryRoutes: [{ route: 'GET /api/v1/query', emptyBody: emptyVector }],
      expectations: {
        skipScenarios: { 'pagination-loop': 'the Prometheus query API does not paginate' },
      },
    },
    {
      name: 'kubernetes',
      createConnector: createKubernetes,
      settings: (token: string) => ({
        auth: 'token',
        server: API_SERVER,
        token,
        namespace: NAMESPACE,
      }),
      target: { scope: kubernetesScope, selector: kubernetesSelector },
      baseUrl: API_SERVER,
      routes: {
        [ROUTES.deployment]: { json: deploymentFixture() },
        [ROUTES.replicaSets]: { json: replicaSetListFixture },
        [ROUTES.pods]: { json: healthyPodList },
        [ROUTES.rulesReview]: { status: 201, json: leastPrivilegeRulesReview },
        [ROUTES.accessReview]: { status: 201, json: accessReview(false) },
      },
      primaryRoutes: [
        ROUTES.deployment,
        {
          route: ROUTES.pods,
          emptyBody: podListFixture([]),
          facts: ['pod_restarts', 'image_digest'],
        },
      ],
    },
    {
      name: 'trivy',
      createConnector: createTrivy,
      settings: () => ({ reportPath, ignoreIds: ['CVE-1999-0001'] }),
      target: {
        scope: {
          workspaceId: 'workspace-acme',
          service: 'api',
          environment: 'production',
          release: { artifactDigest: IMAGE_DIGEST },
        },
        selector: { reportPath },
      },
      baseUrl: 'https://trivy.invalid',
      routes: {},
      primaryRoutes: [],
      transport: 'none',
    },
    {
      name: 'webhook',
      createConnector: (settings: Parameters<typeof createWebhook>[0]) =>
        createWebhook(settings, {
          resolveHost: resolverFrom({ 'status.acme.example': ['93.184.215.14'] }),
        }),
      settings: (secretReference: string) => ({
        secret: secretReference,
        facts: {
          smoke_tests_failed: {
            pointer: '/tests/failed',
            unit: 'count',
            threshold: '== 0',
            action: 'Fix the failing smoke tests.',
          },
        },
        health: {
          url: `${webhookBaseUrl}/health`,
          statusPointer: '/status',
          token: secretReference,
        },
      }),
      target: {
        scope: {
          workspaceId: 'workspace-acme',
          service: 'checkout-api',
          environment: 'production',
        },
        selector: { mode: 'health' },
      },
      baseUrl: webhookBaseUrl,
      routes: { 'GET /health': { json: ietfHealthPass } },
      primaryRoutes: [{ route: 'GET /health', facts: ['endpoint_status'] }],
    },
  ];
  // The settings are checked by each connector's own conformance test; here they are data.
  return targets as unknown as ConnectorConformanceOptions[];
}
