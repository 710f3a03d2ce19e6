import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';
import { MINIMUM_SUBSTRING_SECRET_LENGTH } from '../../../src/runtime/redaction/registered-secrets';

// Any code point except NUL, which stands in for the mask below.
const textArbitrary = fc
  .string({ unit: 'binary', maxLength: 40 })
  .map((text) => text.replaceAll('\u0000', ''));
const longSecretArbitrary = fc
  .string({ unit: 'binary', minLength: MINIMUM_SUBSTRING_SECRET_LENGTH, maxLength: 40 })
  .map((text) => text.replaceAll('\u0000', 'x'))
  .filter((text) => text.length >= MINIMUM_SUBSTRING_SECRET_LENGTH);
const tokenLikeSecretArbitrary = fc.stringMatching(/^[A-Za-z0-9_\-.~+/=]{8,40}$/);
const anyLongSecret = fc.oneof(longSecretArbitrary, tokenLikeSecretArbitrary);
// Short secrets: PINs, short passwords, test values. Masked as whole tokens only.
const shortSecret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{1,7}$/),
  fc
    .stringMatching(/^[A-Za-z0-9_\-.~+/=!@#$%^&*]{1,7}$/)
    .filter((text) => /[A-Za-z0-9]/.test(text)),
);

const encodings = fc.constantFrom<(secret: string) => string>(
  (secret) => secret,
  (secret) => encodeURIComponent(secret),
  (secret) => new URLSearchParams({ v: secret }).toString().slice(2),
  (secret) => Buffer.from(secret).toString('base64'),
  (secret) => Buffer.from(secret).toString('base64url'),
  (secret) => `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
  (secret) => `creds=${Buffer.from(`user:${secret}`).toString('base64')}`,
);

function formsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

const isLetterOrDigit = (character: string | undefined) =>
  character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** True when `form` occurs in `text` as a whole token (not inside a longer word or number). */
function containsWholeToken(text: string, form: string): boolean {
  for (let index = text.indexOf(form); index !== -1; index = text.indexOf(form, index + 1)) {
    const before = !isLetterOrDigit(form[0]) || !isLetterOrDigit(text[index - 1]);
    const after =
      !isLetterOrDigit(form[form.length - 1]) || !isLetterOrDigit(text[index + form.length]);
    if (before && after) return true;
  }
  return false;
}

/**
 * True when the output still shows the secret in any form it was embedded in: anywhere for a
 * long secret, as a whole token for a short one. The mask is replaced by NUL first: a secret
 * such as "ACTE" matching inside "[REDACTED]" is not a leak.
 */
function leaks(output: string, secret: string): boolean {
  const visible = output.replaceAll(REDACTED, '\u0000');
  const contains = (text: string, form: string) =>
    form.length >= MINIMUM_SUBSTRING_SECRET_LENGTH
      ? text.includes(form)
      : containsWholeToken(text, form);
  const hiddenInBase64 = [...visible.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)].some(([run]) =>
    contains(Buffer.from(run, 'base64').toString('utf8'), secret),
  );
  return hiddenInBase64 || formsOf(secret).some((form) => contains(visible, form));
}

const runs = { numRuns: 300 };

describe('redactor: a registered secret never survives', () => {
  it('in free text, raw or encoded, anywhere (8 characters or more)', () => {
    fc.assert(
      fc.property(
        anyLongSecret,
        textArbitrary,
        textArbitrary,
        encodings,
        (secret, before, after, encode) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const output = redactor.redactText(`${before}${encode(secret)}${after}`);
          expect(leaks(output, secret)).toBe(false);
        },
      ),
      runs,
    );
  });

  it('in free text as a whole token, raw or encoded (shorter than 8 characters)', () => {
    fc.assert(
      fc.property(
        shortSecret,
        textArbitrary,
        textArbitrary,
        encodings,
        fc.constantFrom(' ', '\n', '"', '=', ':', '/', '(', ', '),
        (secret, before, after, encode, boundary) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const output = redactor.redactText(
            `${before}${boundary}${encode(secret)}${boundary}${after}`,
          );
          expect(leaks(output, secret)).toBe(false);
        },
      ),
      runs,
    );
  });

  it('in URLs: userinfo, path, query', () => {
    fc.assert(
      fc.property(
        anyLongSecret,
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        fc.constantFrom('path', 'query', 'password', 'raw'),
        fc.boolean(),
        (secret, word, position, asObject) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const url = new URL(`https://api.example.com/${word}`);
          if (position === 'path') url.pathname = `/${word}/${secret}/x`;
          if (position === 'query') url.searchParams.set(word, secret);
          if (position === 'password') {
            url.username = word;
            url.password = secret;
          }
          const input = position === 'raw' ? `https://api.example.com/${word}?q=${secret}` : url;
          const output = redactor.redactUrl(
            asObject || typeof input === 'string' ? input : url.href,
          );
          expect(leaks(output, secret)).toBe(false);
        },
      ),
      runs,
    );
  });

  it('in headers', () => {
    fc.assert(
      fc.property(
        anyLongSecret,
        textArbitrary,
        fc.constantFrom('Authorization', 'X-Custom', 'Cookie', 'X-Trace'),
        (secret, text, name) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const output = redactor.redactHeaders({
            [name]: `${text}${secret}`,
            'X-List': [text, `Basic ${Buffer.from(`u:${secret}`).toString('base64')}`],
          });
          expect(leaks(JSON.stringify(output), secret)).toBe(false);
          for (const value of Object.values(output).flat()) {
            expect(leaks(value, secret)).toBe(false);
          }
        },
      ),
      runs,
    );
  });

  it('in nested objects, as values and keys', () => {
    fc.assert(
      fc.property(
        anyLongSecret,
        fc.json({ maxDepth: 3 }).map((json) => JSON.parse(json) as unknown),
        textArbitrary,
        (secret, noise, text) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const input = {
            noise,
            nested: {
              list: [noise, `${text}${secret}`, { [secret]: text }],
              deep: { value: secret },
            },
          };
          const output = redactor.redactValue(input);
          const serialized = JSON.stringify(output);
          for (const piece of collectStrings(output)) expect(leaks(piece, secret)).toBe(false);
          expect(serialized).toContain(REDACTED);
        },
      ),
      runs,
    );
  });
});

// Words a message of this project is made of, the sensitive ones included.
const WORDS = [
  'the',
  'a',
  'an',
  'is',
  'was',
  'not',
  'only',
  'to',
  'of',
  'for',
  'and',
  'or',
  'by',
  'with',
  'token',
  'tokens',
  'bearer',
  'basic',
  'secret',
  'password',
  'passwd',
  'key',
  'code',
  'session',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'cookie',
  'signature',
  'sig',
  'jwt',
  'otp',
  'passphrase',
  'apikey',
  'private',
  'access',
  'client',
  'api',
  'negotiate',
  'ntlm',
  'expected',
  'missing',
  'sent',
  'configured',
  'origin',
  'reference',
  'value',
  'header',
  'scheme',
  'failed',
  'rejected',
  'expired',
  'must',
  'be',
  'empty',
  'got',
  'literal',
  'string',
  'object',
  'number',
  'name',
  'environment',
  'service',
  'author',
  'keyword',
  'page',
  'query',
  'read-only',
  'well-known',
  'Token',
  'Bearer',
  'Basic',
  'Password',
  'Authorization',
  'The',
  'Secret',
  'Key',
  'Cookie',
  'JWT',
  'API',
  'HTTP',
  'URL',
];
const identifier = fc.oneof(
  fc.constantFrom(...WORDS.filter((word) => /^[a-z]+$/.test(word))),
  fc.constantFrom(
    'accessToken',
    'clientSecret',
    'apiKey',
    'maxAgeSeconds',
    'privateKey',
    'authToken',
  ),
);
const fieldPath = fc
  .tuple(
    fc.array(fc.tuple(identifier, fc.option(fc.nat({ max: 20 }), { nil: undefined })), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([parts]) =>
    parts.map(([part, index]) => (index === undefined ? part : `${part}[${index}]`)).join('.'),
  );
const proseToken = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, fieldPath);
const separator = fc.constantFrom(' ', ': ', ', ', '. ', ' (', ') ', ' - ', '; ', ' = ', '\n');
const prose = fc
  .array(fc.tuple(proseToken, separator), { minLength: 1, maxLength: 24 })
  .map((pairs) => pairs.map(([token, sep]) => `${token}${sep}`).join(''));

describe('redactor: prose is returned unchanged', () => {
  it('made only of English words and field paths, whatever their order', () => {
    const redactor = createRedactor();
    redactor.register('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    redactor.register('hunter2hunter2');
    fc.assert(
      fc.property(prose, (text) => {
        expect(redactor.redactText(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [key, ...collectStrings(item)]);
  }
  return [];
}
