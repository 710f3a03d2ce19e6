import { defineConformanceOptions } from '@evidencekit/testing';
import { createGitHubActions } from '../src/index';
import { ARTIFACT_DIGEST, artifact, artifactsPage } from './fixtures/artifacts';
import { rateLimitBody } from './fixtures/rate-limit';
import { workflowJob, workflowJobsPage } from './fixtures/workflow-jobs';
import { COMMIT, REPOSITORY, workflowRun, workflowRunsPage } from './fixtures/workflow-runs';

const baseUrl = 'https://api.github.com';

/** The shared conformance suite's configuration for this connector (also used by the bench's fault matrix). */
export const conformanceOptions = defineConformanceOptions({
  createConnector: createGitHubActions,
  settings: (token) => ({ token }),
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
  baseUrl,
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
  expectations: {
    facts: {
      workflow_conclusion: 'passed',
      required_jobs_passed: 'passed',
      artifact_digest_match: 'passed',
    },
  },
});
