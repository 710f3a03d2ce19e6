import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';
import { SecretValue } from '../../../src/runtime/secrets/secret-value';

const secret = 's3cr3t-T0ken-value';

function redactorWithSecret(...values: string[]) {
  const redactor = createRedactor();
  for (const value of values) redactor.register(value);
  return redactor;
}

describe('createRedactor: registered secrets', () => {
  it.each([
    ['raw', `failed with ${secret} in body`],
    ['URL-encoded', `failed at /x?q=${encodeURIComponent('a b/c?d&e')}`],
    ['form-encoded', `body: q=${new URLSearchParams({ q: 'a b/c?d&e' }).toString().slice(2)}`],
    ['base64', `blob ${Buffer.from('a b/c?d&e').toString('base64')}`],
    ['base64url', `blob ${Buffer.from('a b/c?d&e~~~>').toString('base64url')}`],
  ])('masks the %s form in free text', (_form, text) => {
    const redactor = redactorWithSecret(secret, 'a b/c?d&e', 'a b/c?d&e~~~>');
    const output = redactor.redactText(text);
    expect(output).toContain(REDACTED);
    expect(output).not.toContain(secret);
    expect(output).not.toContain(encodeURIComponent('a b/c?d&e'));
    expect(output).not.toContain(Buffer.from('a b/c?d&e').toString('base64'));
  });

  it('masks a secret inside a Basic credential (base64 of user:secret)', () => {
    const redactor = redactorWithSecret('hunter2hunter2');
    const basic = Buffer.from('alice:hunter2hunter2').toString('base64');
    // Lowercase "basic" and a plain word around it: only the decoding check can catch this.
    const output = redactor.redactText(`credentials=${basic}; header basic=${basic}`);
    expect(output).not.toContain(basic);
    expect(output).toBe(`credentials=${REDACTED}; header basic=${REDACTED}`);
  });

  it('leaves ordinary base64 that holds no secret alone', () => {
    const redactor = redactorWithSecret('hunter2hunter2');
    const digest = Buffer.from('nothing to see here').toString('base64');
    expect(redactor.redactText(`checksum ${digest}`)).toBe(`checksum ${digest}`);
  });

  it.each([
    ['alone', 'abc', REDACTED],
    ['between punctuation', 'pin=abc;', `pin=${REDACTED};`],
    ['quoted', '"abc"', `"${REDACTED}"`],
    ['inside a longer word', 'abcd xabc', 'abcd xabc'],
    ['inside a number-like run', 'abc1', 'abc1'],
  ])(
    'masks a secret shorter than 8 characters only as a whole token: %s',
    (_case, text, expected) => {
      expect(redactorWithSecret('abc').redactText(text)).toBe(expected);
    },
  );

  it('masks a short secret inside a Basic credential', () => {
    const basic = Buffer.from('alice:abc').toString('base64');
    expect(redactorWithSecret('abc').redactText(`creds=${basic}`)).toBe(`creds=${REDACTED}`);
  });

  it('masks a secret of 8 characters or more anywhere, even inside a word', () => {
    expect(redactorWithSecret('hunter22').redactText('xhunter22y')).toBe(`x${REDACTED}y`);
  });

  it('ignores the empty string', () => {
    expect(redactorWithSecret('').redactText('text')).toBe('text');
  });

  it('masks a longer secret fully when a shorter one is a prefix of it', () => {
    const redactor = redactorWithSecret('tokenA', 'tokenA-extended-part');
    expect(redactor.redactText('x tokenA-extended-part y')).toBe(`x ${REDACTED} y`);
  });

  it('masks two overlapping secrets as one span, leaving no fragment of either', () => {
    const redactor = redactorWithSecret('abcdef12', 'ef12ghij');
    expect(redactor.redactText('<abcdef12ghij>')).toBe(`<${REDACTED}>`);
  });

  it('masks every occurrence', () => {
    const redactor = redactorWithSecret(secret);
    expect(redactor.redactText(`${secret}/${secret}`)).toBe(`${REDACTED}/${REDACTED}`);
  });
});

describe('createRedactor: token shapes in free text', () => {
  it.each([
    ['Bearer header', 'Authorization: Bearer xyz123', `Authorization: Bearer ${REDACTED}`],
    ['lowercase bearer', 'sent bearer 8f2a9c1e4b7d', `sent bearer ${REDACTED}`],
    [
      'Authorization header',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9',
      `Authorization: Bearer ${REDACTED}`,
    ],
    [
      'quoted Authorization',
      '{"authorization":"Bearer abc"}',
      `{"authorization":"Bearer ${REDACTED}"}`,
    ],
    ['token assignment', 'token=abc123def456', `token=${REDACTED}`],
    ['YAML token', 'token: abc123def456', `token: ${REDACTED}`],
    ['quoted word value', 'password: "secret"', `password: "${REDACTED}"`],
    ['password with @ in userinfo', 'https://u:p@ss@host/x', `https://${REDACTED}@host/x`],
    ['cookie header in text', 'Cookie: session=abc; theme=dark', `Cookie: ${REDACTED}; theme=dark`],
    ['percent-encoded name', '?access%5Ftoken=abc', `?access%5Ftoken=${REDACTED}`],
    ['GitHub token scheme', 'token 0123456789abcdef0123', `token ${REDACTED}`],
    ['Basic credential', 'Basic dXNlcjpwYXNzd29yZA==', `Basic ${REDACTED}`],
    ['GitHub classic token', 'got ghp_abcdefghijklmnopqrstuvwxyz0123456789', `got ${REDACTED}`],
    ['GitHub fine-grained', 'github_pat_11ABCDEFG0123456789_abcdefghijkl', REDACTED],
    ['GitLab token', 'glpat-abcdefghij0123456789', REDACTED],
    ['Slack token', 'xoxb-123456789012-abcdefABCDEF', REDACTED],
    [
      'JWT',
      'jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      `jwt=${REDACTED}`,
    ],
    ['AWS access key id', 'key id AKIAIOSFODNN7EXAMPLE used', `key id ${REDACTED} used`],
    ['password assignment', 'password=hunter2', `password=${REDACTED}`],
    ['JSON api_key', '{"api_key": "abc123"}', `{"api_key": "${REDACTED}"}`],
    ['URL userinfo', 'GET https://bob:pa55@example.com/x', `GET https://${REDACTED}@example.com/x`],
    [
      'query parameter',
      'GET https://example.com/x?a=1&access_token=abc&b=2',
      `GET https://example.com/x?a=1&access_token=${REDACTED}&b=2`,
    ],
    [
      'PEM private key',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      REDACTED,
    ],
  ])('masks %s', (_name, input, expected) => {
    expect(createRedactor().redactText(input)).toBe(expected);
  });

  it.each([
    'Basic authentication failed',
    'the token expired',
    'key: service, code: 404',
    'https://example.com/api/v4/projects?page=2',
    'commit 4f9a1c2 deployed to checkout.prod.example.com',
    'settings.token: expected a secret reference (env:NAME or file:PATH), got a literal',
    'The bearer token is sent only to the configured origin.',
    'auth.password: expected a string',
    'Authorization: expected a header value',
    'the token: missing',
    'connect ECONNREFUSED token-service.internal',
    'credential_over_plain_http: the credential is sent over http',
    'https://token.example.com:8443/v1?page=2',
    'fetched {"sig":"MEUCIQDx","keyid":"ab12"}',
  ])('leaves prose alone: %s', (text) => {
    expect(createRedactor().redactText(text)).toBe(text);
  });
});

describe('createRedactor: secret references are not secrets', () => {
  it.each([
    'token: env:GITHUB_TOKEN',
    'token=env:GITHUB_TOKEN',
    '"token": "env:GITHUB_TOKEN"',
    "password: 'file:/run/secrets/db-password'",
    'apiKey: file:./secrets/datadog.key',
  ])('leaves %s readable (a suggested configuration must stay valid)', (text) => {
    expect(createRedactor().redactText(text)).toBe(text);
  });

  it.each([
    ['token: ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token: [REDACTED]'],
    ['token=env:1NOT_A_VARIABLE', 'token=[REDACTED]'],
    ['password: "env:NAME with spaces"', 'password: "[REDACTED]"'],
  ])('still masks a value that only starts like one: %s', (text, expected) => {
    expect(createRedactor().redactText(text)).toBe(expected);
  });
});

describe('createRedactor: signed evidence passes through unchanged', () => {
  it('leaves a DSSE envelope verifiable: its base64 payload and public signature stay', () => {
    const envelope = {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from('{"_type":"https://in-toto.io/Statement/v1","subject":[]}').toString(
        'base64',
      ),
      signatures: [
        {
          keyid: '3f1c8a9e0b7d4c2a6e5f1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e',
          sig: 'MEUCIQDx3vW5kq0Zy2mH7pB9n1LrT4sE8aUcF6jG0hK2oP3qRwIgYtXv5bN7mA1sD9fL3kJ6hG4dS2aQ8wE0rT6yU1iO5pA=',
        },
      ],
    };
    const text = `${JSON.stringify(envelope, null, 2)}\n`;
    expect(createRedactor().redactText(text)).toBe(text);
  });
});

describe('createRedactor.redactUrl', () => {
  it.each([
    [
      'userinfo (user name too)',
      'https://user:pass@api.example.com/v1',
      `https://${REDACTED}@api.example.com/v1`,
    ],
    [
      'a percent-encoded parameter name',
      'https://api.example.com/v1?access%5Ftoken=abc&page=2',
      `https://api.example.com/v1?access%5Ftoken=${REDACTED}&page=2`,
    ],
    [
      'token-like query parameters, case insensitive',
      'https://api.example.com/v1?Private_Token=abc&page=2&X-Amz-Signature=deadbeef&sig=1',
      `https://api.example.com/v1?Private_Token=${REDACTED}&page=2&X-Amz-Signature=${REDACTED}&sig=${REDACTED}`,
    ],
    [
      'repeated parameters',
      'https://api.example.com/?token=a&token=b',
      `https://api.example.com/?token=${REDACTED}&token=${REDACTED}`,
    ],
    [
      'a URL with nothing to mask',
      'https://api.example.com/v1?page=2',
      'https://api.example.com/v1?page=2',
    ],
  ])('masks %s', (_name, input, expected) => {
    const output = createRedactor().redactUrl(input);
    // userinfo cannot hold "[" unencoded; accept either spelling of the mask there.
    expect(output.replaceAll(encodeURIComponent(REDACTED), REDACTED)).toBe(
      expected.replaceAll(encodeURIComponent(REDACTED), REDACTED),
    );
  });

  it('accepts URL objects and masks registered secrets in the path', () => {
    const redactor = redactorWithSecret(secret);
    const output = redactor.redactUrl(new URL(`https://example.com/hooks/${secret}/run`));
    expect(output).toBe(`https://example.com/hooks/${REDACTED}/run`);
  });

  it('redacts text that is not a URL instead of throwing', () => {
    expect(createRedactor().redactUrl('not a url ?token=abc')).toBe(`not a url ?token=${REDACTED}`);
  });
});

describe('createRedactor.redactHeaders', () => {
  it('masks sensitive headers, keeps the authorization scheme and drops undefined', () => {
    const redactor = redactorWithSecret(secret);
    const output = redactor.redactHeaders({
      Authorization: `Bearer ${secret}`,
      'proxy-authorization': 'Basic dXNlcjpwYXNz',
      Cookie: 'session=abc',
      'set-cookie': ['a=1', 'b=2'],
      'X-Api-Key': 'k',
      'PRIVATE-TOKEN': 'glpat-xyz',
      'Api-Token': 'abc',
      'X-Vault-Token': 'hvs.abc',
      'X-Goog-Api-Key': 'abc',
      'X-Client-Secret': 'abc',
      Accept: 'application/json',
      'X-Request-Note': `echo ${secret}`,
      'X-Missing': undefined,
    });
    expect(output).toEqual({
      Authorization: `Bearer ${REDACTED}`,
      'proxy-authorization': `Basic ${REDACTED}`,
      Cookie: REDACTED,
      'set-cookie': [REDACTED, REDACTED],
      'X-Api-Key': REDACTED,
      'PRIVATE-TOKEN': REDACTED,
      'Api-Token': REDACTED,
      'X-Vault-Token': REDACTED,
      'X-Goog-Api-Key': REDACTED,
      'X-Client-Secret': REDACTED,
      Accept: 'application/json',
      'X-Request-Note': `echo ${REDACTED}`,
    });
  });

  it('masks an authorization value without a scheme whole', () => {
    expect(createRedactor().redactHeaders({ authorization: 'abc123' })).toEqual({
      authorization: REDACTED,
    });
  });
});

describe('createRedactor.redactValue', () => {
  it('deep-copies with strings redacted and sensitive keys masked', () => {
    const redactor = redactorWithSecret(secret);
    const input = {
      message: `failed: ${secret}`,
      count: 3,
      ok: true,
      nothing: null,
      password: 'hunter2',
      accessToken: 'abc',
      client_secret: 42,
      key: 'PROJ-123',
      nested: [{ url: `https://x.example.com/?token=${secret}` }, secret],
      when: new Date(0),
      secretValue: new SecretValue(secret, 'env:X'),
    };
    const output = redactor.redactValue(input);
    expect(output).toEqual({
      message: `failed: ${REDACTED}`,
      count: 3,
      ok: true,
      nothing: null,
      password: REDACTED,
      accessToken: REDACTED,
      client_secret: REDACTED,
      key: 'PROJ-123',
      nested: [{ url: `https://x.example.com/?token=${REDACTED}` }, REDACTED],
      when: new Date(0),
      secretValue: REDACTED,
    });
    expect(output).not.toBe(input);
    expect(output.nested).not.toBe(input.nested);
    expect(input.message).toContain(secret);
  });

  it('handles cycles and errors', () => {
    const redactor = redactorWithSecret(secret);
    const error = new Error(`boom ${secret}`, { cause: new Error(`inner ${secret}`) });
    const cyclic: Record<string, unknown> = { error };
    cyclic.self = cyclic;
    const output = redactor.redactValue(cyclic);
    expect(output.self).toBe(output);
    expect(JSON.stringify({ ...output, self: undefined })).not.toContain(secret);
    expect(output.error).toMatchObject({ name: 'Error', message: `boom ${REDACTED}` });
  });

  it('returns primitives unchanged (strings redacted)', () => {
    const redactor = redactorWithSecret(secret);
    expect(redactor.redactValue(5)).toBe(5);
    expect(redactor.redactValue(undefined)).toBeUndefined();
    expect(redactor.redactValue(`x${secret}`)).toBe(`x${REDACTED}`);
  });
});
