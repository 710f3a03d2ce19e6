import { createRuntime, type EvidenceScope, ingestEvidence } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { createGitHubActions } from '../src/index';
import { runContext, workflowRunEvent } from './fixtures/workflow-run-event';
import { COMMIT } from './fixtures/workflow-runs';
import { releaseScope } from './github-actions-harness';

const connector = createGitHubActions({ token: 'env:GITHUB_TOKEN' });

function ingest(payload: unknown, scope: EvidenceScope = releaseScope) {
  return ingestEvidence(connector, { scope, payload, runtime: createRuntime() });
}

describe('ingesting a workflow_run payload', () => {
  it.each([
    ['success', 'passed'],
    ['failure', 'failed'],
    ['cancelled', 'failed'],
  ])('reads a completed run with conclusion %s as %s', async (conclusion, status) => {
    const record = await ingest(workflowRunEvent({ conclusion }));

    expect(record.facts).toHaveLength(1);
    expect(record.facts[0]).toMatchObject({
      name: 'workflow_conclusion',
      status,
      value: conclusion,
    });
    expect(record.facts[0]?.source?.link).toBe(
      'https://github.com/octo-org/octo-repo/actions/runs/30433642',
    );
    expect(record.freshness.observedAt).toBe('2020-01-22T19:41:12.000Z');
    expect(record.warnings?.map((warning) => warning.code)).toEqual(['facts_not_derivable']);
    expect(record.providerMetadata?.['github-actions']).toMatchObject({
      payload: 'workflow_run webhook',
      runs: [{ id: 30433642, attempt: 1 }],
    });
  });

  it('reads a requested or in-progress delivery as pending', async () => {
    const record = await ingest({
      ...workflowRunEvent({ status: 'in_progress', conclusion: null }),
      action: 'in_progress',
    });

    expect(record.facts[0]).toMatchObject({ status: 'pending', reason: { code: 'in_progress' } });
  });

  it('reads a run context triggered by workflow_run through its event', async () => {
    const record = await ingest(
      runContext({
        event_name: 'workflow_run',
        event: workflowRunEvent({ conclusion: 'success' }),
      }),
    );

    expect(record.facts[0]).toMatchObject({ status: 'passed', value: 'success' });
  });

  it('reads the run context of the running workflow itself as pending', async () => {
    const record = await ingest(runContext({ run_attempt: '2' }));

    expect(record.facts[0]).toMatchObject({ status: 'pending', reason: { code: 'in_progress' } });
    expect(record.facts[0]?.reason?.message).toContain('run 30433642 (attempt 2)');
    expect(record.providerMetadata?.['github-actions']).toMatchObject({
      runs: [{ id: 30433642, attempt: 2 }],
    });
  });

  it('refuses a payload about another commit with reason scope', async () => {
    const record = await ingest(workflowRunEvent({ head_sha: 'f'.repeat(40) }));

    expect(record.facts[0]).toMatchObject({ status: 'unavailable', reason: { code: 'scope' } });
    expect(record.facts[0]?.reason?.message).toContain(COMMIT);
  });

  // The same matching as collection: a payload SHA that is empty, short or not hex is no
  // commit at all, and a release commit is never matched by a shorter payload SHA.
  it.each([
    [
      'an empty head_sha',
      workflowRunEvent({ head_sha: '' }),
      'invalid_response',
      'workflow_run.head_sha',
    ],
    [
      'a one-letter head_sha',
      workflowRunEvent({ head_sha: 'a' }),
      'invalid_response',
      'workflow_run.head_sha',
    ],
    [
      'a head_sha that abbreviates the release commit',
      workflowRunEvent({ head_sha: COMMIT.slice(0, 7) }),
      'invalid_response',
      'workflow_run.head_sha',
    ],
    ['a run context whose sha is empty', runContext({ sha: '' }), 'invalid_response', 'sha'],
    ['a run context whose sha is one letter', runContext({ sha: 'a' }), 'invalid_response', 'sha'],
    [
      'a head_sha of another commit sharing the first 7 characters',
      workflowRunEvent({ head_sha: `${COMMIT.slice(0, 7)}${'0'.repeat(33)}` }),
      'scope',
      COMMIT,
    ],
  ])('never matches %s to the release', async (_label, payload, code, named) => {
    const record = await ingest(payload);

    expect(record.facts[0]).toMatchObject({ status: 'unavailable', reason: { code } });
    expect(record.facts[0]?.reason?.message).toContain(named);
  });

  it.each([['a'], ['not-a-sha']])(
    'refuses the release commit %j as configuration',
    async (commit) => {
      const record = await ingest(workflowRunEvent(), { ...releaseScope, release: { commit } });

      expect(record.facts[0]).toMatchObject({ status: 'unavailable', reason: { code: 'config' } });
      expect(record.facts[0]?.reason?.message).toContain('scope.release.commit');
    },
  );

  it('reads a run whose status GitHub added later as pending, never passed', async () => {
    const record = await ingest(
      workflowRunEvent({ status: 'not_yet_known', conclusion: 'success' }),
    );

    expect(record.facts[0]).toMatchObject({ status: 'pending', reason: { code: 'in_progress' } });
  });

  it.each([
    ['compact', JSON.stringify(workflowRunEvent({ conclusion: 'failure' }))],
    [
      'pretty-printed, with a byte order mark',
      `\uFEFF${JSON.stringify(workflowRunEvent({ conclusion: 'failure' }), null, 2)}`,
    ],
  ])('reads a workflow_run delivery given as JSON text (%s)', async (_label, text) => {
    const record = await ingest(text);

    expect(record.facts[0]).toMatchObject({ status: 'failed', value: 'failure' });
  });

  it('reads a run context given as JSON text', async () => {
    const record = await ingest(JSON.stringify(runContext()));

    expect(record.facts[0]).toMatchObject({ status: 'pending', reason: { code: 'in_progress' } });
  });

  it('accepts a short release commit that prefixes the run commit', async () => {
    const record = await ingest(workflowRunEvent(), {
      ...releaseScope,
      release: { commit: COMMIT.slice(0, 7) },
    });

    expect(record.facts[0]?.status).toBe('passed');
  });

  it.each([
    ['text that is not JSON', 'not json at all', 'the payload is not JSON'],
    ['an array', [1, 2], 'an array'],
    ['an unrelated object', { ref: 'refs/heads/main' }, 'neither a workflow_run webhook'],
    [
      'a webhook whose run has no id',
      { workflow_run: { ...workflowRunEvent().workflow_run, id: undefined } },
      'workflow_run.id',
    ],
    ['a webhook whose status is a number', workflowRunEvent({ status: 7 }), 'workflow_run.status'],
    ['a run context whose run_id is not digits', runContext({ run_id: 'abc' }), 'run_id'],
  ])('explains %s as invalid_response naming what is wrong', async (_label, payload, expected) => {
    const record = await ingest(payload);

    expect(record.status).toBe('unavailable');
    expect(record.facts[0]).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response' },
    });
    expect(record.facts[0]?.reason?.message).toContain(expected);
  });
});
