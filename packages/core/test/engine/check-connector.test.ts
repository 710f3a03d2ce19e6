import { describe, expect, it } from 'vitest';
import { configureConnector } from '../../src/contract/configured-connector';
import { checkConnector } from '../../src/engine/check-connector';
import { ApiCallError } from '../../src/errors/api-call-error';
import { scriptedConnector, testRuntimeHost } from './fixtures';

function withCheck(doCheck: () => Promise<{ ok: boolean; findings: never[] }>) {
  const configured = scriptedConnector(async () => ({ facts: [] }));
  return configureConnector({ ...configured.connector, doCheck }, configured.settings);
}

describe('checkConnector', () => {
  it('returns the connector findings with the connector id', async () => {
    const result = await checkConnector(
      withCheck(async () => ({ ok: true, findings: [] })),
      {
        runtime: testRuntimeHost(),
      },
    );
    expect(result).toMatchObject({ ok: true, connector: 'scripted', instanceId: 'scripted' });
  });

  it('turns a thrown error into a typed error finding and never throws', async () => {
    const result = await checkConnector(
      withCheck(async () => {
        throw new Error('ECONNREFUSED');
      }),
      { runtime: testRuntimeHost() },
    );
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ status: 'error', code: 'connector_error' });
  });

  it('maps a rejected credential to the auth reason and redacts it', async () => {
    const runtime = testRuntimeHost();
    runtime.redactor.register('ghp_canarycanarycanary');
    const result = await checkConnector(
      withCheck(async () => {
        // A connector-built error that forgot to redact: the engine is the second line of defence.
        throw new ApiCallError({
          message: 'GET /user returned 401: bad credentials ghp_canarycanarycanary',
          method: 'GET',
          url: 'https://api.example.test/user',
          status: 401,
          headers: {},
          bodyExcerpt: 'bad credentials ghp_canarycanarycanary',
          isRetryable: false,
          reason: 'auth',
        });
      }),
      { runtime },
    );
    expect(result.findings[0]?.code).toBe('auth');
    expect(JSON.stringify(result)).not.toContain('ghp_canarycanarycanary');
  });

  it('fails fast on a check that hangs', async () => {
    const result = await checkConnector(
      withCheck(() => new Promise(() => {})),
      {
        runtime: testRuntimeHost(),
        timeoutMs: 5,
      },
    );
    expect(result.findings[0]?.code).toBe('timeout');
  });

  it('reports invalid settings as a configuration finding naming the field', async () => {
    const configured = scriptedConnector(async () => ({ facts: [] }));
    const result = await checkConnector(
      configureConnector(configured.connector, { baseUrl: 'nope' }),
      { runtime: testRuntimeHost() },
    );
    expect(result.findings[0]?.code).toBe('config');
    expect(result.findings[0]?.message).toContain('settings.baseUrl');
  });

  it.each([
    ['ok that is not a boolean', { ok: 'false', findings: [] }],
    ['no findings list', { ok: true }],
    [
      'a finding with an unknown status',
      { ok: true, findings: [{ status: 'fine', code: 'x', message: '' }] },
    ],
    ['no result at all', undefined],
  ])('never reports a working connection for a malformed result: %s', async (_name, returned) => {
    const configured = scriptedConnector(async () => ({ facts: [] }));
    // A third-party connector's types are not trusted: it can return anything.
    const doCheck = async () => returned as unknown as { ok: boolean; findings: never[] };
    const result = await checkConnector(
      configureConnector({ ...configured.connector, doCheck }, configured.settings),
      { runtime: testRuntimeHost() },
    );
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      {
        status: 'error',
        code: 'connector_error',
        message: expect.stringContaining('the connector returned an invalid check result'),
      },
    ]);
  });
});
