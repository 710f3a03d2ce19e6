import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../../src/errors/configuration-error';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';
import { SecretValue } from '../../../src/runtime/secrets/secret-value';

const tokenValue = 'tok-9f8e7d6c5b4a';

function setup(
  overrides: {
    environment?: Record<string, string | undefined>;
    files?: Record<string, string>;
  } = {},
) {
  const redactor = createRedactor();
  const files = overrides.files ?? {};
  const readFile = vi.fn(async (absolutePath: string) => {
    const content = files[absolutePath];
    if (content === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file, open '${absolutePath}'`), {
        code: 'ENOENT',
      });
    }
    return content;
  });
  const resolver = createSecretResolver({
    redactor,
    environment: overrides.environment ?? { GITHUB_TOKEN: tokenValue },
    readFile,
  });
  return { redactor, resolver, readFile };
}

async function captureError(promise: Promise<unknown>): Promise<ConfigurationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(ConfigurationError.isInstance(error)).toBe(true);
  return error as ConfigurationError;
}

describe('createSecretResolver: env', () => {
  it('resolves env:NAME into a SecretValue and registers it with the redactor', async () => {
    const { resolver, redactor } = setup();
    const secret = await resolver.resolve('env:GITHUB_TOKEN');
    expect(SecretValue.isInstance(secret)).toBe(true);
    expect(secret.reveal()).toBe(tokenValue);
    expect(secret.reference).toBe('env:GITHUB_TOKEN');
    expect(redactor.redactText(`Bearer-less ${tokenValue}`)).toBe(`Bearer-less ${REDACTED}`);
  });

  it.each([
    ['unset', {}],
    ['empty', { GITHUB_TOKEN: '' }],
  ])(
    'refuses an %s variable with a ConfigurationError naming the reference',
    async (_case, environment) => {
      const { resolver } = setup({ environment });
      const error = await captureError(resolver.resolve('env:GITHUB_TOKEN'));
      expect(error.issues).toEqual([
        expect.objectContaining({
          path: 'env:GITHUB_TOKEN',
          expected: 'a set environment variable GITHUB_TOKEN',
        }),
      ]);
      expect(error.reason).toBe('config');
    },
  );

  it('reads lazily and once per reference, sharing concurrent resolutions', async () => {
    const environment: Record<string, string | undefined> = {};
    const { resolver } = setup({ environment });
    environment.GITHUB_TOKEN = tokenValue; // set after creation: read at resolution time
    const [first, second] = await Promise.all([
      resolver.resolve('env:GITHUB_TOKEN'),
      resolver.resolve('env:GITHUB_TOKEN'),
    ]);
    expect(first).toBe(second);
    environment.GITHUB_TOKEN = 'changed-later';
    expect((await resolver.resolve('env:GITHUB_TOKEN')).reveal()).toBe(tokenValue);
  });

  it('does not cache a failure: a variable set later resolves on the next call', async () => {
    const environment: Record<string, string | undefined> = {};
    const { resolver } = setup({ environment });
    await captureError(resolver.resolve('env:GITHUB_TOKEN'));
    environment.GITHUB_TOKEN = tokenValue;
    expect((await resolver.resolve('env:GITHUB_TOKEN')).reveal()).toBe(tokenValue);
  });

  it('defaults to process.env', async () => {
    vi.stubEnv('EVIDENCEKIT_TEST_SECRET', 'from-process-env');
    const resolver = createSecretResolver({ redactor: createRedactor() });
    expect((await resolver.resolve('env:EVIDENCEKIT_TEST_SECRET')).reveal()).toBe(
      'from-process-env',
    );
    vi.unstubAllEnvs();
  });
});

describe('createSecretResolver: file', () => {
  it.each([
    ['one trailing newline is dropped', `${tokenValue}\n`, tokenValue],
    ['a CRLF ending is dropped', `${tokenValue}\r\n`, tokenValue],
    ['only one newline is dropped', `${tokenValue}\n\n`, `${tokenValue}\n`],
    ['no newline', tokenValue, tokenValue],
  ])('reads the file: %s', async (_case, content, expected) => {
    const absolute = path.resolve('/secrets/token');
    const { resolver } = setup({ files: { [absolute]: content } });
    expect((await resolver.resolve('file:/secrets/token')).reveal()).toBe(expected);
  });

  it('resolves relative paths from process.cwd() and reads only on first use', async () => {
    const absolute = path.resolve(process.cwd(), 'config/token.txt');
    const { resolver, readFile } = setup({ files: { [absolute]: tokenValue } });
    expect(readFile).not.toHaveBeenCalled();
    await resolver.resolve('file:config/token.txt');
    await resolver.resolve('file:config/token.txt');
    expect(readFile).toHaveBeenCalledTimes(1);
    expect(readFile).toHaveBeenCalledWith(absolute);
  });

  it.each([
    ['missing', {}, 'no such file'],
    ['empty', { [path.resolve('/secrets/token')]: '\n' }, 'an empty file'],
  ])('refuses a %s file naming the reference', async (_case, files, received) => {
    const { resolver } = setup({ files });
    const error = await captureError(resolver.resolve('file:/secrets/token'));
    expect(error.issues).toEqual([
      { path: 'file:/secrets/token', expected: 'a readable file', received },
    ]);
  });

  it('reads real files with the default reader', async () => {
    const resolver = createSecretResolver({ redactor: createRedactor() });
    const packageJson = await resolver.resolve(`file:${path.resolve('package.json')}`);
    expect(packageJson.reveal()).toContain('"name"');
  });
});

describe('createSecretResolver: references and schemes', () => {
  it.each([
    ['an inline token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a bare word', 'hunter2hunter2'],
    ['an invalid variable name', 'env:NOT-A-NAME'],
  ])('refuses %s without echoing it', async (_case, reference) => {
    const { resolver } = setup();
    const error = await captureError(resolver.resolve(reference));
    expect(error.message).toContain('expected a secret reference like "env:GITHUB_TOKEN"');
    expect(error.message).not.toContain(reference);
    expect(JSON.stringify(error.issues)).not.toContain(reference);
  });

  it('refuses an unknown scheme listing the known ones', async () => {
    const { resolver } = setup();
    resolver.registerScheme('vault', { resolve: async () => 'x' });
    const error = await captureError(resolver.resolve('aws-sm:prod/token'));
    expect(error.message).toContain('env, file, vault');
    expect(error.message).toContain('"aws-sm"');
  });

  it('plugs in a scheme with registerScheme, passing the rest and the signal', async () => {
    const { resolver, redactor } = setup();
    const resolve = vi.fn(async (rest: string) =>
      rest === 'secret/data/ci#token' ? 'vault-value-123' : undefined,
    );
    resolver.registerScheme('vault', { resolve });
    const caller = new AbortController();
    const secret = await resolver.resolve('vault:secret/data/ci#token', { signal: caller.signal });
    expect(secret.reveal()).toBe('vault-value-123');
    // The read gets a signal that follows its callers (it is shared between concurrent ones).
    expect(resolve).toHaveBeenCalledWith('secret/data/ci#token', {
      signal: expect.any(AbortSignal),
    });
    expect(redactor.redactText('vault-value-123')).toBe(REDACTED);
    const missing = await captureError(resolver.resolve('vault:secret/data/ci#other'));
    expect(missing.issues[0]?.path).toBe('vault:secret/data/ci#other');
  });

  it('accepts schemes at creation and refuses invalid or built-in names', () => {
    const redactor = createRedactor();
    const custom = { resolve: async () => 'x' };
    expect(() => createSecretResolver({ redactor, schemes: { vault: custom } })).not.toThrow();
    const resolver = createSecretResolver({ redactor });
    expect(() => resolver.registerScheme('env', custom)).toThrow(TypeError);
    expect(() => resolver.registerScheme('Vault', custom)).toThrow(TypeError);
  });

  it('passes a SecretValue through and registers it', async () => {
    const { resolver, redactor } = setup();
    const given = new SecretValue('host-made-secret', 'inline:host');
    expect(await resolver.resolve(given)).toBe(given);
    expect(redactor.redactText('x host-made-secret')).toBe(`x ${REDACTED}`);
  });

  it('lets one caller abort without failing another that resolves the same reference', async () => {
    const { resolver } = setup();
    let finishRead: (value: string) => void = () => {};
    const reads: AbortSignal[] = [];
    resolver.registerScheme('vault', {
      resolve: (_rest, { signal }) => {
        if (signal !== undefined) reads.push(signal);
        return new Promise<string>((resolve) => {
          finishRead = resolve;
        });
      },
    });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = resolver.resolve('vault:ci#token', { signal: leaving.signal });
    const kept = resolver.resolve('vault:ci#token', { signal: staying.signal });
    leaving.abort(new Error('target cancelled'));
    await expect(left).rejects.toThrow('target cancelled');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.aborted).toBe(false);
    finishRead('shared-vault-value');
    expect((await kept).reveal()).toBe('shared-vault-value');
  });

  it('stops when the signal is already aborted', async () => {
    const { resolver } = setup();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      resolver.resolve('env:GITHUB_TOKEN', { signal: controller.signal }),
    ).rejects.toThrow('stop');
  });

  it('never puts the value into an error', async () => {
    const { resolver } = setup({ environment: { GITHUB_TOKEN: tokenValue } });
    const error = await captureError(resolver.resolve('env:OTHER_TOKEN'));
    expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain(
      tokenValue,
    );
  });
});
