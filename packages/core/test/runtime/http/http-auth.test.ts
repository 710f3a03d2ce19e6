// A credential that cannot go in a header is a ConfigurationError naming where it came from,
// before anything is sent; undici would otherwise refuse the request as an invalid header.
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/configuration-error';
import { type HttpAuth, resolveAuthorizationHeader } from '../../../src/runtime/http/http-auth';
import { createRedactor } from '../../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';

const SECRET = 'tok€n-5e8a1c';

function resolve(auth: HttpAuth, environment: Record<string, string> = { TOKEN: SECRET }) {
  const redactor = createRedactor();
  return resolveAuthorizationHeader(auth, {
    redactor,
    secrets: createSecretResolver({ redactor, environment }),
  });
}

describe('resolveAuthorizationHeader', () => {
  it.each<[string, HttpAuth, string]>([
    ['a bearer token outside Latin-1', { type: 'bearer', token: 'env:TOKEN' }, 'env:TOKEN'],
    [
      'a header value outside Latin-1',
      { type: 'header', name: 'Api-Token', value: 'env:TOKEN' },
      'env:TOKEN',
    ],
    [
      'a header name with a space',
      { type: 'header', name: 'Api Token', value: 'env:OK' },
      'auth.name',
    ],
    ['a header name with a colon', { type: 'header', name: 'x:y', value: 'env:OK' }, 'auth.name'],
    [
      'a prefix with a line break',
      { type: 'header', name: 'Authorization', prefix: 'Token\r\n', value: 'env:OK' },
      'auth.prefix',
    ],
    [
      'a basic user name with a colon',
      { type: 'basic', username: 'ro:bot', password: 'env:OK' },
      'auth.username',
    ],
    [
      'a basic user name with a line break',
      { type: 'basic', username: 'robot\n', password: 'env:OK' },
      'auth.username',
    ],
  ])('refuses %s, naming %s', async (_label, auth, path) => {
    const error = await resolve(auth, { TOKEN: SECRET, OK: 'fine-token-123' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as ConfigurationError).issues).toEqual([expect.objectContaining({ path })]);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('accepts what can be sent: Latin-1 in a token, UTF-8 in a basic user name', async () => {
    await expect(
      resolve({ type: 'bearer', token: 'env:TOKEN' }, { TOKEN: 'tök-1234' }),
    ).resolves.toEqual({
      name: 'authorization',
      value: 'Bearer tök-1234',
    });
    const basic = await resolve({ type: 'basic', username: 'jürgen€', password: 'env:TOKEN' });
    expect(Buffer.from(basic.value.slice('Basic '.length), 'base64').toString('utf8')).toBe(
      `jürgen€:${SECRET}`,
    );
  });
});
