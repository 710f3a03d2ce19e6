import { describe, expect, it } from 'vitest';
import type {
  DescribeHttpError,
  HttpErrorDescription,
} from '../../../src/contract/v1/http-client-v1';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { CANARY, createTestRuntime, ORIGIN } from '../support/test-runtime';

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  const caught = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
  if (!ApiCallError.isInstance(caught)) throw caught;
  return caught;
}

// Shapes of Prometheus's documented error body (prometheus.io/docs/prometheus/latest/querying/api/#format-overview).
const executionBody = {
  status: 'error',
  errorType: 'execution',
  error: 'many-to-many matching not allowed',
};
const timeoutBody = {
  status: 'error',
  errorType: 'timeout',
  error: 'query timed out in expression evaluation',
};

const byErrorType: DescribeHttpError = (answer) => {
  const body = JSON.parse(answer.body) as { errorType: string; error: string };
  if (body.errorType === 'execution')
    return { reason: 'transient', retryable: false, detail: body.error };
  if (body.errorType === 'timeout')
    return { reason: 'timeout', retryable: true, detail: body.error };
  return undefined;
};

describe('describeError: provider error mapping before the retry decision', () => {
  it.each([
    // [label, status, body, hook result reason, retryable, attempts]
    [
      'a 422 mapped as not retryable ends after 1 attempt',
      422,
      executionBody,
      'transient',
      false,
      1,
    ],
    ['a 503 mapped as retryable is retried', 503, timeoutBody, 'timeout', true, 4],
  ] as const)(
    '%s, with the mapped reason',
    async (_label, status, body, reason, retryable, attempts) => {
      const { pool, bound } = createTestRuntime();
      pool
        .intercept({ path: '/api/v1/query', method: 'GET' })
        .reply(status, body)
        .times(attempts + 1);
      const client = bound().http({ baseUrl: ORIGIN, describeError: byErrorType });

      const error = await failure(client.request({ path: '/api/v1/query' }));

      expect(error).toMatchObject({ reason, isRetryable: retryable, status });
      expect(error.attempts).toHaveLength(attempts);
      expect(error.attempts.every((attempt) => attempt.reason === reason)).toBe(true);
      expect(error.message).toContain(body.error);
      expect(error.message).toContain(`(${reason})`);
    },
  );

  it('asks the request hook before the client hook', async () => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/x', method: 'GET' }).reply(400, { message: 'bad' });
    const client = bound().http({
      baseUrl: ORIGIN,
      describeError: () => ({ detail: 'from the client' }),
    });

    const error = await failure(
      client.request({ path: '/x', describeError: () => ({ detail: 'from the request' }) }),
    );
    expect(error.message).toContain('from the request');
    expect(error.message).not.toContain('from the client');
  });

  it.each([
    [
      'throws',
      (): undefined => {
        throw new Error('hook bug');
      },
    ],
    // A hook written in plain JavaScript can return any reason at all.
    [
      'names a reason that is not one',
      (): HttpErrorDescription => JSON.parse('{"reason":"nonsense"}'),
    ],
    ['returns undefined', (): undefined => undefined],
  ] as const)('keeps the status classification when the hook %s', async (_label, hook) => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/x', method: 'GET' }).reply(404, { message: 'missing' });
    const client = bound().http({ baseUrl: ORIGIN, describeError: hook });

    const error = await failure(client.request({ path: '/x' }));
    expect(error).toMatchObject({ reason: 'not_found', isRetryable: false, status: 404 });
  });

  it('redacts the detail: a hook that echoes the body never leaks a secret', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/x', method: 'GET' })
      .reply(403, { message: `token ${CANARY} refused` });
    const client = bound().http({
      baseUrl: ORIGIN,
      auth: { type: 'bearer', token: 'env:TOKEN' },
      describeError: (answer) => ({ detail: answer.body }),
    });

    const error = await failure(client.request({ path: '/x' }));
    expect(error.message).toContain('refused');
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect(error.message).not.toContain(CANARY);
  });

  it('hands the hook the status, headers, body and the runtime reading', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/x', method: 'GET' })
      .reply(
        403,
        { message: 'no' },
        { headers: { 'x-accepted-github-permissions': 'actions=read' } },
      );
    const seen: unknown[] = [];
    const client = bound().http({
      baseUrl: ORIGIN,
      describeError: (answer) => {
        seen.push(answer);
        return undefined;
      },
    });

    await failure(client.request({ path: '/x' }));
    expect(seen).toEqual([
      expect.objectContaining({
        status: 403,
        method: 'GET',
        body: '{"message":"no"}',
        reason: 'forbidden',
        retryable: false,
        headers: expect.objectContaining({ 'x-accepted-github-permissions': 'actions=read' }),
      }),
    ]);
  });
});
