// Secrets as files and variables really hold them: `echo`, Kubernetes and Docker secrets end a
// file with one newline. One is dropped; a credential still holding a line break or another
// control character is a ConfigurationError naming the reference when it would be sent in a
// header, never a transport error. Other uses keep their line breaks (a PEM key has them).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/configuration-error';
import { createRuntime } from '../../../src/runtime/create-runtime';
import { type HttpAuth, resolveAuthorizationHeader } from '../../../src/runtime/http/http-auth';
import { createRedactor } from '../../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';
import { createFakeClock } from '../support/fake-clock';

const TOKEN = 'k8s-token-4d1e9a7c';
const FILE = path.resolve('/run/secrets/token');
const REFERENCES = ['env:TOKEN', `file:${FILE}`] as const;

function resolverWith(value: string) {
  const redactor = createRedactor();
  const secrets = createSecretResolver({
    redactor,
    environment: { TOKEN: value },
    readFile: async () => value,
  });
  return { secrets, redactor };
}

/** The header each auth type builds from `value` read through env: and file:, or the error. */
async function headersFrom(value: string, build: (reference: string) => HttpAuth) {
  const { secrets, redactor } = resolverWith(value);
  return Promise.all(
    REFERENCES.map((reference) =>
      resolveAuthorizationHeader(build(reference), { secrets, redactor }).then(
        (header) => ({ ok: true as const, header }),
        (error: unknown) => ({ ok: false as const, error, reference }),
      ),
    ),
  );
}

const bearer = (reference: string): HttpAuth => ({ type: 'bearer', token: reference });
const authTypes: Array<[string, (reference: string) => HttpAuth]> = [
  ['bearer', bearer],
  ['basic', (reference) => ({ type: 'basic', username: 'robot', password: reference })],
  ['header', (reference) => ({ type: 'header', name: 'Api-Token', value: reference })],
];

describe('secret values from env: and file:', () => {
  it.each([
    ['a trailing LF', `${TOKEN}\n`],
    ['a trailing CRLF', `${TOKEN}\r\n`],
    ['none', TOKEN],
  ])('drop one trailing newline (%s)', async (_label, value) => {
    const { secrets } = resolverWith(value);
    for (const reference of REFERENCES) {
      expect((await secrets.resolve(reference)).reveal()).toBe(TOKEN);
    }
    for (const result of await headersFrom(value, bearer)) {
      expect(result).toEqual({
        ok: true,
        header: { name: 'authorization', value: `Bearer ${TOKEN}` },
      });
    }
  });

  it('keep inner line breaks for uses that need them (a PEM key)', async () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n';
    const { secrets } = resolverWith(pem);
    expect((await secrets.resolve('env:TOKEN')).reveal()).toBe(pem.slice(0, -1));
  });
});

describe('a credential sent in a header', () => {
  const cases: Array<[string, string, string]> = [
    ['two trailing newlines', `${TOKEN}\n\n`, 'a line break'],
    ['a line break inside', `${TOKEN.slice(0, 4)}\n${TOKEN.slice(4)}`, 'a line break'],
    ['a bare CR at the end', `${TOKEN}\r`, 'a line break'],
    ['a header injection', `${TOKEN}\r\nX-Admin: yes`, 'a line break'],
    ['a NUL', `${TOKEN}\u0000`, 'a control character (U+0000)'],
    ['a tab', `${TOKEN}\t`, 'a control character (U+0009)'],
    ['an escape', `\u001b[31m${TOKEN}`, 'a control character (U+001B)'],
    ['DEL', `${TOKEN}\u007f`, 'a control character (U+007F)'],
  ];
  describe.each(authTypes)('(%s)', (_type, build) => {
    it.each(cases)(
      'refuses %s with a ConfigurationError naming the reference',
      async (_label, value, received) => {
        for (const result of await headersFrom(value, build)) {
          expect(result.ok).toBe(false);
          if (result.ok) continue;
          expect(ConfigurationError.isInstance(result.error)).toBe(true);
          const error = result.error as ConfigurationError;
          expect(error.issues).toEqual([
            expect.objectContaining({
              path: result.reference,
              received: `a value containing ${received}`,
            }),
          ]);
          expect(JSON.stringify([error.message, error.issues])).not.toContain(TOKEN.slice(4));
        }
      },
    );
  });

  it('refuses any token with a control character after the trim, never echoing it (property)', async () => {
    const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9_-]{8,24}$/),
        control,
        fc.nat(24),
        async (secret, character, at) => {
          const position = Math.min(at, secret.length - 1);
          const value = `${secret.slice(0, position)}${character}${secret.slice(position)}`;
          const [result] = await headersFrom(value, bearer);
          expect(result?.ok).toBe(false);
          const error = result?.ok === false ? result.error : undefined;
          expect(ConfigurationError.isInstance(error)).toBe(true);
          expect((error as Error).message).toContain('env:TOKEN');
          expect((error as Error).message).not.toContain(secret);
        },
      ),
    );
  });

  it('checks values of registered schemes too (they are not trimmed)', async () => {
    const redactor = createRedactor();
    const secrets = createSecretResolver({
      redactor,
      schemes: { vault: { resolve: async () => `${TOKEN}\n` } },
    });
    await expect(
      resolveAuthorizationHeader(bearer('vault:ci/token'), { secrets, redactor }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'vault:ci/token' })] });
  });
});

describe('a file: secret sent by the HTTP client', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(
      servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
    );
  });

  async function request(fileContent: string) {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((incoming, response) => {
      seen.push(incoming.headers);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const redactor = createRedactor();
    const runtime = createRuntime({
      clock: createFakeClock({ hold: (ms) => ms === 30_000 }),
      redactor,
      secrets: createSecretResolver({ redactor, readFile: async () => fileContent }),
    });
    const client = runtime
      .bind({
        connectorId: 'test',
        packageName: '@evidencekit/test',
        packageVersion: '1.0.0',
        signal: new AbortController().signal,
      })
      .http({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        auth: { type: 'bearer', token: `file:${FILE}` },
      });
    try {
      const outcome = await client.request({ path: '/status' }).then(
        (response) => ({ response, error: undefined }),
        (error: unknown) => ({ response: undefined, error }),
      );
      return { ...outcome, seen };
    } finally {
      await runtime.close();
    }
  }

  it('sends a Kubernetes-style secret (one trailing newline) without the newline', async () => {
    const { seen } = await request(`${TOKEN}\n`);
    expect(seen.map((headers) => headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
  });

  it('refuses a secret with a line break left before sending anything', async () => {
    const { error, seen } = await request(`${TOKEN}\n\n`);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`file:${FILE}`);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(seen).toEqual([]);
  });
});
