import { mockProviderRoutes } from '@evidencekit/testing';
import { useProviderMockServer } from '@evidencekit/testing/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACT_DIGEST, artifact, artifactsPage } from './fixtures/artifacts';
import { workflowJob, workflowJobsPage } from './fixtures/workflow-jobs';
import { COMMIT, REPOSITORY, workflowRun, workflowRunsPage } from './fixtures/workflow-runs';
import {
  closeTestRuntimes,
  collectOne,
  createTestRuntime,
  factOf,
  releaseScope,
  TEST_TOKEN,
} from './github-actions-harness';

const baseUrl = 'https://api.github.com';
const RUNS = 'GET /repos/:owner/:repo/actions/runs';
const WORKFLOW_RUNS = 'GET /repos/:owner/:repo/actions/workflows/:workflow/runs';
const JOBS = 'GET /repos/:owner/:repo/actions/runs/:run_id/jobs';
const ARTIFACTS = 'GET /repos/:owner/:repo/actions/runs/:run_id/artifacts';

const server = useProviderMockServer();
afterEach(() => closeTestRuntimes());

/** Mocks the three endpoints; each defaults to one successful run, job and matching artifact. */
function mockGitHub(
  routes: {
    runs?: unknown[];
    jobs?: unknown[] | ((runId: string) => unknown[]);
    artifacts?: unknown[];
    base?: string;
  } = {},
) {
  const runsReply = { json: workflowRunsPage(routes.runs ?? [workflowRun()]) };
  server.use(
    ...mockProviderRoutes(routes.base ?? baseUrl, {
      [RUNS]: runsReply,
      [WORKFLOW_RUNS]: runsReply,
      [JOBS]: ({ params }) => {
        const jobs = routes.jobs ?? [workflowJob()];
        return {
          json: workflowJobsPage(typeof jobs === 'function' ? jobs(String(params.run_id)) : jobs),
        };
      },
      [ARTIFACTS]: { json: artifactsPage(routes.artifacts ?? [artifact()]) },
    }),
  );
}

const selector = { repository: REPOSITORY, workflow: 'build.yml', requiredJobs: ['build'] };

describe('collecting a release commit', () => {
  it('reports a successful run, its required jobs and the matching artifact', async () => {
    mockGitHub();
    const record = await collectOne({ selector });

    expect(record.status).toBe('passed');
    expect(record.facts.map((fact) => [fact.name, fact.status, fact.value])).toEqual([
      ['workflow_conclusion', 'passed', 'success'],
      ['required_jobs_passed', 'passed', '0'],
      ['artifact_digest_match', 'passed', 'match'],
    ]);
    expect(factOf(record, 'workflow_conclusion').source).toEqual({
      url: `${baseUrl}/repos/${REPOSITORY}/actions/workflows/build.yml/runs?head_sha=${COMMIT}`,
      link: 'https://github.com/octo-org/octo-repo/actions/runs/30433642',
    });
    // The provider's own time: when the run last changed, not when it was fetched.
    expect(record.freshness.observedAt).toBe('2020-01-22T19:41:12.000Z');
    expect(record.providerMetadata?.['github-actions']).toMatchObject({
      repository: REPOSITORY,
      commit: COMMIT,
      runs: [
        {
          id: 30433642,
          attempt: 1,
          conclusion: 'success',
          htmlUrl: 'https://github.com/octo-org/octo-repo/actions/runs/30433642',
        },
      ],
      artifacts: [{ id: 11, runId: 30433642, digest: ARTIFACT_DIGEST }],
    });
  });

  it('sends the pinned API version, the GitHub media type and the token as a bearer credential', async () => {
    mockGitHub();
    await collectOne({ selector });

    const [runs] = server.recorder.find(WORKFLOW_RUNS, baseUrl);
    expect(runs?.headers).toMatchObject({
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      authorization: `Bearer ${TEST_TOKEN}`,
    });
    expect(Object.fromEntries(runs?.url.searchParams ?? [])).toEqual({
      head_sha: COMMIT,
      per_page: '100',
      exclude_pull_requests: 'true',
    });
    expect(server.recorder.find(JOBS, baseUrl)[0]?.url.searchParams.get('filter')).toBe('latest');
  });

  it('reads every workflow of the commit when no workflow is named, the worst conclusion first', async () => {
    mockGitHub({
      runs: [
        workflowRun({ id: 1, workflow_id: 10, name: 'CI', conclusion: 'success' }),
        workflowRun({
          id: 2,
          workflow_id: 20,
          name: 'Release',
          conclusion: 'failure',
          html_url: 'https://github.com/octo-org/octo-repo/actions/runs/2',
        }),
      ],
      jobs: (runId) => [workflowJob({ id: Number(runId) * 100, run_id: Number(runId) })],
    });
    const record = await collectOne({ selector: { repository: REPOSITORY } });

    const conclusion = factOf(record, 'workflow_conclusion');
    expect(conclusion).toMatchObject({ status: 'failed', value: 'failure' });
    expect(conclusion.source?.link).toBe('https://github.com/octo-org/octo-repo/actions/runs/2');
    expect(conclusion.reason?.message).toContain('Release #562: failure');
    expect(server.recorder.count(RUNS, baseUrl)).toBe(1);
    // Jobs and artifacts of both runs, one request after another.
    expect(server.recorder.find(JOBS, baseUrl).map((request) => request.url.pathname)).toEqual([
      `/repos/${REPOSITORY}/actions/runs/1/jobs`,
      `/repos/${REPOSITORY}/actions/runs/2/jobs`,
    ]);
  });

  it('lets a later run of the same workflow supersede an earlier one', async () => {
    mockGitHub({
      runs: [
        workflowRun({ id: 5, conclusion: 'failure', created_at: '2020-01-22T19:00:00Z' }),
        workflowRun({ id: 6, conclusion: 'success', created_at: '2020-01-22T20:00:00Z' }),
      ],
    });
    const record = await collectOne({ selector });

    expect(factOf(record, 'workflow_conclusion')).toMatchObject({
      status: 'passed',
      value: 'success',
    });
    expect(server.recorder.find(JOBS, baseUrl).map((request) => request.url.pathname)).toEqual([
      `/repos/${REPOSITORY}/actions/runs/6/jobs`,
    ]);
  });

  it('ignores runs the provider returned for another commit', async () => {
    mockGitHub({ runs: [workflowRun({ head_sha: 'f'.repeat(40), conclusion: 'success' })] });
    const record = await collectOne({ selector });

    expect(factOf(record, 'workflow_conclusion')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_data' },
    });
  });

  it.each([[''], ['a'], [COMMIT.slice(0, 7)], [COMMIT.slice(0, 39)], [`${COMMIT.slice(0, 39)}g`]])(
    'refuses a run whose head_sha is %j as invalid_response, never as the release',
    async (headSha) => {
      mockGitHub({ runs: [workflowRun({ head_sha: headSha })] });
      const record = await collectOne({ selector });

      expect(record.status).toBe('unavailable');
      for (const fact of record.facts) {
        expect(fact.reason?.code).toBe('invalid_response');
        expect(fact.reason?.message).toContain('head_sha');
      }
    },
  );

  it('reads runs for an abbreviated release commit, and refuses a run the abbreviation does not start', async () => {
    mockGitHub({
      runs: [
        workflowRun({ id: 1, workflow_id: 10 }),
        workflowRun({
          id: 2,
          workflow_id: 20,
          head_sha: `${COMMIT.slice(0, 7)}${'0'.repeat(33)}`,
          conclusion: 'failure',
        }),
      ],
      jobs: (runId) => [workflowJob({ id: Number(runId) * 100, run_id: Number(runId) })],
      artifacts: [],
    });
    const record = await collectOne({
      selector: { repository: REPOSITORY },
      scope: { ...releaseScope, release: { commit: COMMIT.slice(0, 12) } },
    });

    expect(factOf(record, 'workflow_conclusion')).toMatchObject({
      status: 'passed',
      value: 'success',
    });
    expect(server.recorder.count(JOBS, baseUrl)).toBe(1);
  });

  it.each([['a'], [''], ['not-a-sha'], [COMMIT.slice(0, 6)]])(
    'refuses the release commit %j as configuration naming scope.release.commit',
    async (commit) => {
      const record = await collectOne({
        selector,
        scope: { ...releaseScope, release: { commit } },
        validateRecord: false,
      });

      for (const fact of record.facts) {
        expect(fact.reason?.code).toBe('config');
        expect(fact.reason?.message).toContain('scope.release.commit');
      }
      expect(server.recorder.requests).toHaveLength(0);
    },
  );

  it('ignores jobs the provider lists under another run', async () => {
    mockGitHub({ jobs: [workflowJob({ run_id: 999 })] });
    const record = await collectOne({ selector });

    expect(factOf(record, 'required_jobs_passed')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_data' },
    });
  });

  it('follows Link headers across pages of runs', async () => {
    const next = `${baseUrl}/repositories/1296269/actions/workflows/build.yml/runs?head_sha=${COMMIT}&per_page=100&page=2`;
    server.use(
      ...mockProviderRoutes(baseUrl, {
        [WORKFLOW_RUNS]: {
          json: workflowRunsPage(
            [workflowRun({ id: 1, workflow_id: 10, conclusion: 'success' })],
            2,
          ),
          headers: { link: `<${next}>; rel="next", <${next}>; rel="last"` },
        },
        'GET /repositories/:id/actions/workflows/:workflow/runs': {
          json: workflowRunsPage(
            [workflowRun({ id: 2, workflow_id: 20, conclusion: 'cancelled' })],
            2,
          ),
        },
        [JOBS]: { json: workflowJobsPage([workflowJob()]) },
        [ARTIFACTS]: { json: artifactsPage([artifact()]) },
      }),
    );
    const record = await collectOne({ selector });

    expect(factOf(record, 'workflow_conclusion').value).toBe('cancelled');
    expect(server.recorder.count(JOBS, baseUrl)).toBe(2);
  });

  it('reports unavailable config naming scope.release.commit when the release has no commit', async () => {
    const record = await collectOne({
      selector,
      scope: { ...releaseScope, release: { version: '1.4.0' } },
    });

    expect(record.status).toBe('unavailable');
    for (const fact of record.facts) {
      expect(fact.reason?.code).toBe('config');
      expect(fact.reason?.message).toContain('scope.release.commit');
    }
    expect(server.recorder.requests).toHaveLength(0);
  });

  it.each([
    ['an unknown repository form', { repository: 'octo-org' }, 'selector.repository'],
    [
      'a workflow path in another folder',
      { repository: REPOSITORY, workflow: 'ci/build.sh' },
      'selector.workflow',
    ],
    [
      'an empty list of required jobs',
      { repository: REPOSITORY, requiredJobs: [] },
      'selector.requiredJobs',
    ],
  ])('refuses %s as configuration, naming the field', async (_label, badSelector, path) => {
    const record = await collectOne({ selector: badSelector });

    expect(factOf(record, 'workflow_conclusion').reason).toMatchObject({ code: 'config' });
    expect(factOf(record, 'workflow_conclusion').reason?.message).toContain(path);
  });

  it('accepts a workflow id or a .github/workflows path', async () => {
    mockGitHub();
    await collectOne({ selector: { repository: REPOSITORY, workflow: 161335 } });
    await collectOne({
      selector: { repository: REPOSITORY, workflow: '.github/workflows/release.yaml' },
    });

    expect(
      server.recorder.find(WORKFLOW_RUNS, baseUrl).map((request) => request.url.pathname),
    ).toEqual([
      `/repos/${REPOSITORY}/actions/workflows/161335/runs`,
      `/repos/${REPOSITORY}/actions/workflows/release.yaml/runs`,
    ]);
  });
});

describe('runs that are not finished', () => {
  it.each([
    ['queued', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['requested', 'in_progress'],
    ['pending', 'in_progress'],
    ['waiting', 'awaiting_approval'],
  ])('reports a %s run as pending (%s), never passed', async (status, reason) => {
    mockGitHub({
      runs: [workflowRun({ status, conclusion: null })],
      jobs: [workflowJob({ status: 'in_progress', conclusion: null })],
      artifacts: [],
    });
    const record = await collectOne({ selector });

    expect(record.status).toBe('pending');
    expect(factOf(record, 'workflow_conclusion')).toMatchObject({
      status: 'pending',
      reason: { code: reason },
      value: status,
    });
    expect(factOf(record, 'required_jobs_passed')).toMatchObject({ status: 'pending' });
    expect(factOf(record, 'artifact_digest_match')).toMatchObject({ status: 'pending' });
  });

  it('reports jobs that have not been created yet as pending, not missing', async () => {
    mockGitHub({
      runs: [workflowRun({ status: 'queued', conclusion: null })],
      jobs: [],
      artifacts: [],
    });
    const record = await collectOne({ selector });

    expect(factOf(record, 'required_jobs_passed')).toMatchObject({
      status: 'pending',
      reason: { code: 'in_progress' },
    });
  });

  // Every job listed so far succeeded and the artifact matches: a run that has not completed
  // may still create, fail or re-run jobs and upload again, so nothing derived from it passes.
  it.each([
    ['queued', undefined],
    ['in_progress', undefined],
    ['waiting', undefined],
    ['requested', ['build']],
    ['pending', ['build']],
    ['in_progress', ['build']],
    ['a status GitHub adds later', undefined],
    [null, undefined],
  ])(
    'derives no passing fact from a run whose status is %j (requiredJobs %j)',
    async (status, requiredJobs) => {
      mockGitHub({
        runs: [workflowRun({ status, conclusion: status === null ? 'success' : null })],
        jobs: [workflowJob()],
        artifacts: [artifact()],
      });
      const record = await collectOne({
        selector: {
          repository: REPOSITORY,
          workflow: 'build.yml',
          ...(requiredJobs ? { requiredJobs } : {}),
        },
      });

      expect(record.facts.map((fact) => [fact.name, fact.status])).toEqual([
        ['workflow_conclusion', 'pending'],
        ['required_jobs_passed', 'pending'],
        ['artifact_digest_match', 'pending'],
      ]);
      expect(factOf(record, 'required_jobs_passed').reason?.code).toBe('in_progress');
      expect(factOf(record, 'artifact_digest_match').reason?.message).toContain(
        'has the release digest, but its run has not completed',
      );
    },
  );

  it('names the failed jobs of a run that is still going, and stays pending', async () => {
    mockGitHub({
      runs: [workflowRun({ status: 'in_progress', conclusion: null })],
      jobs: [workflowJob({ conclusion: 'failure' })],
    });
    const record = await collectOne({
      selector: { repository: REPOSITORY, workflow: 'build.yml' },
    });

    const fact = factOf(record, 'required_jobs_passed');
    expect(fact.status).toBe('pending');
    expect(fact.reason?.message).toContain('Build #562 is in_progress');
    expect(fact.reason?.message).toContain('already not passed: build (failure)');
  });

  it('counts a match from a completed run while another workflow still runs', async () => {
    mockGitHub({
      runs: [
        workflowRun({ id: 1, workflow_id: 10 }),
        workflowRun({ id: 2, workflow_id: 20, status: 'in_progress', conclusion: null }),
      ],
      jobs: (runId) => [workflowJob({ id: Number(runId) * 100, run_id: Number(runId) })],
      artifacts: [artifact({ workflow_run: { id: 1, head_sha: COMMIT } })],
    });
    const record = await collectOne({ selector: { repository: REPOSITORY } });

    expect(factOf(record, 'artifact_digest_match')).toMatchObject({
      status: 'passed',
      value: 'match',
    });
    expect(factOf(record, 'required_jobs_passed').status).toBe('pending');
    expect(record.status).toBe('pending');
  });

  it('reports a completed run without a conclusion as invalid, not as a pass', async () => {
    mockGitHub({ runs: [workflowRun({ status: 'completed', conclusion: null })] });
    const record = await collectOne({ selector });

    expect(factOf(record, 'workflow_conclusion')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response' },
    });
  });
});

describe('required jobs', () => {
  const jobs = [
    workflowJob({ id: 1, name: 'build' }),
    workflowJob({ id: 2, name: 'test (node 22)', conclusion: 'success' }),
    workflowJob({ id: 3, name: 'test (node 24)', conclusion: 'failure' }),
    workflowJob({ id: 4, name: 'deploy / publish', conclusion: 'skipped' }),
    workflowJob({ id: 5, name: 'lint', conclusion: 'cancelled' }),
  ];

  it.each([
    [['build'], 'passed', '0', undefined],
    [['test'], 'failed', '1', 'test (node 24) (failure)'],
    [['deploy'], 'failed', '1', 'deploy / publish (skipped)'],
    [['package'], 'failed', '1', 'package (missing)'],
    [['build', 'test', 'lint'], 'failed', '2', 'test (node 24) (failure), lint (cancelled)'],
    [undefined, 'failed', '2', 'test (node 24) (failure), lint (cancelled)'],
  ])('required %j → %s with %s not passed', async (requiredJobs, status, value, named) => {
    mockGitHub({ jobs });
    const record = await collectOne({
      selector: {
        repository: REPOSITORY,
        workflow: 'build.yml',
        ...(requiredJobs ? { requiredJobs } : {}),
      },
    });

    const fact = factOf(record, 'required_jobs_passed');
    expect(fact).toMatchObject({
      status,
      value,
      measurement: { value: Number(value), unit: 'count' },
    });
    if (named !== undefined) {
      expect(fact.reason?.message).toContain(named);
      expect(fact.action).toMatch(/failed jobs/);
    }
  });

  it('links the first job that did not pass', async () => {
    mockGitHub({ jobs });
    const record = await collectOne({
      selector: { repository: REPOSITORY, requiredJobs: ['test'] },
    });

    expect(factOf(record, 'required_jobs_passed').source?.link).toBe(
      'https://github.com/octo-org/octo-repo/runs/29679449/jobs/3',
    );
  });
});

describe('artifact digests', () => {
  it.each([
    ['mismatch', [artifact({ digest: `sha256:${'0'.repeat(64)}` })], 'failed', 'mismatch'],
    ['missing: recorded without a digest', [artifact({ digest: null })], 'failed', 'missing'],
    ['missing: no artifact at all', [], 'failed', 'missing'],
    [
      'match in upper case',
      [artifact({ digest: ARTIFACT_DIGEST.toUpperCase() })],
      'passed',
      'match',
    ],
  ])('%s', async (_label, artifacts, status, value) => {
    mockGitHub({ artifacts });
    const record = await collectOne({ selector });

    expect(factOf(record, 'artifact_digest_match')).toMatchObject({ status, value });
  });

  // An artifact proves something about the release only when it names the run it was listed
  // for and that run's commit is the release commit.
  it.each([
    ['without workflow_run', { workflow_run: undefined }, 'names no workflow_run'],
    ['with workflow_run null', { workflow_run: null }, 'names no workflow_run'],
    ['of another run', { workflow_run: { id: 999, head_sha: COMMIT } }, 'belongs to run 999'],
    [
      'built from another commit',
      { workflow_run: { id: 30433642, head_sha: 'f'.repeat(40) } },
      `was built from commit ${'f'.repeat(40)}`,
    ],
    ['without head_sha', { workflow_run: { id: 30433642 } }, 'names no head_sha'],
  ])('does not count a matching artifact %s', async (_label, overrides, why) => {
    mockGitHub({ artifacts: [artifact(overrides)] });
    const record = await collectOne({ selector });

    const fact = factOf(record, 'artifact_digest_match');
    expect(fact).toMatchObject({ status: 'failed', value: 'missing' });
    expect(fact.reason?.message).toContain(why);
  });

  it.each([[''], ['a'], [COMMIT.slice(0, 39)], [`${COMMIT.slice(0, 39)}z`]])(
    'refuses an artifact whose head_sha is %j as invalid_response',
    async (headSha) => {
      mockGitHub({ artifacts: [artifact({ workflow_run: { id: 30433642, head_sha: headSha } })] });
      const record = await collectOne({ selector });

      const fact = factOf(record, 'artifact_digest_match');
      expect(fact).toMatchObject({ status: 'unavailable', reason: { code: 'invalid_response' } });
      expect(fact.reason?.message).toContain('workflow_run.head_sha');
    },
  );

  it('counts an expired artifact: its recorded digest still says what the run built', async () => {
    mockGitHub({ artifacts: [artifact({ expired: true })] });
    const record = await collectOne({ selector });

    const fact = factOf(record, 'artifact_digest_match');
    expect(fact).toMatchObject({ status: 'passed', value: 'match' });
  });

  it('filters by artifact name', async () => {
    mockGitHub({
      artifacts: [
        artifact({ name: 'docs', digest: ARTIFACT_DIGEST }),
        artifact({ id: 12, name: 'dist', digest: null }),
      ],
    });
    const record = await collectOne({ selector: { ...selector, artifactName: 'dist' } });

    expect(server.recorder.find(ARTIFACTS, baseUrl)[0]?.url.searchParams.get('name')).toBe('dist');
    // Even if the provider ignored the filter, the other artifact's digest does not count.
    expect(factOf(record, 'artifact_digest_match')).toMatchObject({
      status: 'failed',
      value: 'missing',
    });
  });

  it('is not reported, and no artifact is read, when the release has no digest', async () => {
    mockGitHub();
    const record = await collectOne({
      selector,
      scope: { ...releaseScope, release: { commit: COMMIT } },
    });

    expect(record.facts.map((fact) => fact.name)).toEqual([
      'workflow_conclusion',
      'required_jobs_passed',
    ]);
    expect(server.recorder.count(ARTIFACTS, baseUrl)).toBe(0);
  });

  it('is unavailable config naming scope.release.artifactDigest when it is required but not given', async () => {
    mockGitHub();
    const record = await collectOne({
      selector: { ...selector, requireArtifactDigest: true },
      scope: { ...releaseScope, release: { commit: COMMIT } },
    });

    const fact = factOf(record, 'artifact_digest_match');
    expect(fact).toMatchObject({ status: 'unavailable', reason: { code: 'config' } });
    expect(fact.reason?.message).toContain('scope.release.artifactDigest');
  });
});

describe('caching and rate limits', () => {
  it('revalidates with If-None-Match on the second collection and is answered from the cache', async () => {
    const etag = 'W/"2c1cfa4b5e8c7ad2a3ed6e9d4a27b3bd"';
    const conditional =
      (json: unknown) =>
      ({ request }: { request: Request }) =>
        request.headers.get('if-none-match') === etag
          ? { status: 304, headers: { etag } }
          : { json: json as never, headers: { etag } };
    server.use(
      ...mockProviderRoutes(baseUrl, {
        [WORKFLOW_RUNS]: conditional(workflowRunsPage([workflowRun()])),
        [JOBS]: conditional(workflowJobsPage([workflowJob()])),
        [ARTIFACTS]: conditional(artifactsPage([artifact()])),
      }),
    );
    const test = createTestRuntime();
    const first = await collectOne({ selector, test });
    test.logger.clear();
    const second = await collectOne({ selector, test });

    const runRequests = server.recorder.find(WORKFLOW_RUNS, baseUrl);
    expect(runRequests.map((request) => request.headers['if-none-match'])).toEqual([
      undefined,
      etag,
    ]);
    for (const route of [JOBS, ARTIFACTS]) {
      expect(server.recorder.find(route, baseUrl)[1]?.headers['if-none-match']).toBe(etag);
    }
    expect(second.facts).toEqual(first.facts);
    const revalidated = test.logger.entries.filter(
      (entry) => entry.object.type === 'cache.revalidated' && entry.object.notModified === true,
    );
    expect(revalidated).toHaveLength(3);
  });

  it('reads a 403 with x-ratelimit-remaining: 0 as rate_limited, not forbidden', async () => {
    const test = createTestRuntime();
    const reset = Math.floor(test.clock.now() / 1000) + 3600;
    server.use(
      ...mockProviderRoutes(baseUrl, {
        [WORKFLOW_RUNS]: {
          status: 403,
          json: {
            message: 'API rate limit exceeded for user ID 1.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          },
          headers: {
            'x-ratelimit-limit': '5000',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '5000',
            'x-ratelimit-reset': String(reset),
            'x-ratelimit-resource': 'core',
          },
        },
      }),
    );
    const record = await collectOne({ selector, test });

    expect(record.facts.map((fact) => fact.reason?.code)).toEqual([
      'rate_limited',
      'rate_limited',
      'rate_limited',
    ]);
    // The reset is an hour away, beyond the runtime's cap: it gives up instead of waiting.
    expect(test.clock.waits).toEqual([]);
  });

  it('waits out a secondary rate limit (403 with retry-after) and then reads the runs', async () => {
    mockGitHub();
    server.use(
      ...mockProviderRoutes(baseUrl, {
        [WORKFLOW_RUNS]: [
          {
            status: 403,
            json: { message: 'You have exceeded a secondary rate limit.' },
            headers: { 'retry-after': '5' },
          },
          { json: workflowRunsPage([workflowRun()]) },
        ],
      }),
    );
    const test = createTestRuntime();
    const record = await collectOne({ selector, test });

    expect(record.status).toBe('passed');
    expect(test.clock.waits).toEqual([5000]);
  });

  it('reads a plain 403 as forbidden and names the permission GitHub asks for', async () => {
    server.use(
      ...mockProviderRoutes(baseUrl, {
        [WORKFLOW_RUNS]: {
          status: 403,
          json: { message: 'Resource not accessible by personal access token' },
          headers: {
            'x-accepted-github-permissions': 'actions=read',
            'x-ratelimit-remaining': '4999',
          },
        },
      }),
    );
    const record = await collectOne({ selector });

    const fact = factOf(record, 'workflow_conclusion');
    expect(fact.reason?.code).toBe('forbidden');
    expect(fact.reason?.message).toContain('actions=read');
    expect(server.recorder.count(WORKFLOW_RUNS, baseUrl)).toBe(1);
  });

  it('keeps the facts it could read when only the artifacts are forbidden', async () => {
    mockGitHub();
    server.use(
      ...mockProviderRoutes(baseUrl, {
        [ARTIFACTS]: { status: 403, json: { message: 'Resource not accessible by integration' } },
      }),
    );
    const record = await collectOne({ selector });

    expect(record.facts.map((fact) => [fact.name, fact.status, fact.reason?.code])).toEqual([
      ['workflow_conclusion', 'passed', undefined],
      ['required_jobs_passed', 'passed', undefined],
      ['artifact_digest_match', 'unavailable', 'forbidden'],
    ]);
    expect(record.status).toBe('unavailable');
  });
});

describe('GitHub Enterprise', () => {
  it.each([
    ['GitHub Enterprise Server', 'https://github.example.com/api/v3', '/api/v3/repos/'],
    ['GHE.com', 'https://api.octocorp.ghe.com', '/repos/'],
  ])('reads %s from its base URL', async (_label, base, prefix) => {
    mockGitHub({ base });
    const record = await collectOne({ selector, settings: { baseUrl: `${base}/` } });

    expect(record.status).toBe('passed');
    const [request] = server.recorder.find(WORKFLOW_RUNS, base);
    expect(request?.url.origin).toBe(new URL(base).origin);
    expect(request?.url.pathname.startsWith(`${prefix}${REPOSITORY}/actions/workflows/`)).toBe(
      true,
    );
    expect(factOf(record, 'workflow_conclusion').source?.url?.startsWith(`${base}/repos/`)).toBe(
      true,
    );
  });
});
