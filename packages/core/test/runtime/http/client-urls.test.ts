// Every URL a client accepts is judged on what WHATWG URL parsed (scheme, user name,
// password), never on its text: `HTTP://` is plain http, and userinfo is refused, not dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { ConfigurationError } from '../../../src/errors/configuration-error';
import { parseBaseUrl } from '../../../src/runtime/http/build-request-url';
import { createTestRuntime, ORIGIN } from '../support/test-runtime';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
}

describe('a client base URL with a user name or password', () => {
  it.each([
    ['user and password', 'https://robot:s3cr3t-pass@api.provider.test', ['robot', 's3cr3t-pass']],
    ['a user only', 'https://robot@api.provider.test/api/v4', ['robot']],
    ['a password only', 'https://:s3cr3t-pass@api.provider.test', ['s3cr3t-pass']],
    ['capital scheme', 'HTTPS://robot:s3cr3t-pass@API.provider.test', ['robot', 's3cr3t-pass']],
    [
      'percent-encoded',
      'https://r%6Fbot:s3cr%33t@api.provider.test',
      ['r%6Fbot', 's3cr%33t', 'robot'],
    ],
    ['plain http', 'http://robot:s3cr3t-pass@127.0.0.1:9090', ['robot', 's3cr3t-pass']],
  ])('is refused before any request (%s), never echoing it', async (_label, baseUrl, secrets) => {
    const { bound, agent } = createTestRuntime();
    const error = await failure(bound().http({ baseUrl }).request({ path: '/status' }));
    expect(ConfigurationError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('baseUrl');
    expect(message).toContain("auth: { type: 'basic'");
    for (const secret of secrets) expect(message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toMatch(/s3cr/);
    // Nothing was sent.
    expect(() => agent.assertNoPendingInterceptors()).not.toThrow();
  });

  it('never echoes userinfo, whatever it is (property)', () => {
    fc.assert(
      fc.property(
        // Prefixed so that no generated value is a word of the message itself.
        fc.stringMatching(/^[A-Za-z0-9._~-]{1,20}$/).map((user) => `u7${user}`),
        fc.stringMatching(/^[A-Za-z0-9._~-]{4,20}$/).map((password) => `Pw9${password}`),
        (user, password) => {
          const error = (() => {
            try {
              parseBaseUrl(`https://${user}:${password}@api.provider.test`);
            } catch (caught) {
              return caught;
            }
            return undefined;
          })();
          expect(ConfigurationError.isInstance(error)).toBe(true);
          expect((error as Error).message).not.toContain(user);
          expect((error as Error).message).not.toContain(password);
        },
      ),
    );
  });

  it('refuses userinfo in an absolute request path on the same origin', async () => {
    const { bound } = createTestRuntime();
    const error = await failure(
      bound()
        .http({ baseUrl: ORIGIN })
        .request({ path: 'https://robot:s3cr3t-pass@api.provider.test/next' }),
    );
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'config', isRetryable: false });
    expect(JSON.stringify(error)).not.toContain('s3cr3t-pass');
  });
});

describe('the scheme of a base URL', () => {
  it.each([
    'ftp://api.provider.test',
    'file:///etc/passwd',
    'ws://api.provider.test',
    'not a url',
    '/relative/path',
  ])('refuses %s with a ConfigurationError naming baseUrl', async (baseUrl) => {
    const { bound } = createTestRuntime();
    const error = await failure(bound().http({ baseUrl }).request({ path: '/status' }));
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      issues: [
        expect.objectContaining({ path: 'baseUrl', expected: expect.stringContaining('http') }),
      ],
    });
  });

  it.each(['HTTPS://API.PROVIDER.TEST', 'Https://api.provider.test/', 'https://api.provider.test'])(
    'reads %s case-insensitively',
    async (baseUrl) => {
      const { bound, pool } = createTestRuntime();
      pool.intercept({ path: '/status', method: 'GET' }).reply(200, { ok: true });
      const response = await bound().http({ baseUrl }).request({ path: '/status' });
      expect(response.data).toEqual({ ok: true });
    },
  );
});

describe('allowed redirect origins', () => {
  it('match however they are written', async () => {
    const { bound, agent, pool } = createTestRuntime();
    pool
      .intercept({ path: '/moved', method: 'GET' })
      .reply(302, '', { headers: { location: 'https://status.provider.test/here' } });
    agent
      .get('https://status.provider.test')
      .intercept({ path: '/here', method: 'GET' })
      .reply(200, { ok: true });
    const response = await bound()
      .http({ baseUrl: ORIGIN, allowedRedirectOrigins: ['HTTPS://Status.Provider.test:443'] })
      .request({ path: '/moved' });
    expect(response.data).toEqual({ ok: true });
  });

  it('refuses an entry that is not an http origin, naming it', async () => {
    const { bound } = createTestRuntime();
    const error = await failure(
      bound()
        .http({ baseUrl: ORIGIN, allowedRedirectOrigins: ['https://ok.provider.test', 'status'] })
        .request({ path: '/status' }),
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('allowedRedirectOrigins[1]');
  });
});
