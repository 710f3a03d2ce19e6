import { describe, expect, it } from 'vitest';
import { splitNameSegments } from '../../../src/runtime/redaction/name-segments';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';
import { classifyName } from '../../../src/runtime/redaction/sensitive-names';

// A generated-looking value (letters and digits, 22 characters) that no other rule recognizes:
// whether it survives depends only on the name in front of it.
const VALUE = 'AbC123dEf456GhI789jKl0';

// Parameter names that carry a credential, from the providers' documentation. Each is masked
// as a URL query parameter, as `name=value` in text, as an object key and as a header name: the
// one rule. Signature words are in their own table below (URLs only).
const SECRET_NAMES: ReadonlyArray<[name: string, where: string]> = [
  ['X-Amz-Credential', 'AWS SigV4 presigned URL'],
  ['X-Amz-Security-Token', 'AWS SigV4 presigned URL with temporary credentials'],
  ['X-Goog-Credential', 'Google Cloud Storage V4 signed URL'],
  ['subscription-key', 'Azure API Management'],
  ['Ocp-Apim-Subscription-Key', 'Azure API Management header'],
  ['AccountKey', 'Azure storage connection string'],
  ['key', 'Google Maps / YouTube / Trello API key (ambiguous: value-shaped)'],
  ['token', 'Slack, Trello'],
  ['access_token', 'OAuth 2.0 (RFC 6750 query form)'],
  ['refresh_token', 'OAuth 2.0'],
  ['id_token', 'OpenID Connect'],
  ['client_secret', 'OAuth 2.0'],
  ['code', 'OAuth 2.0 authorization code (ambiguous: value-shaped)'],
  ['code_verifier', 'OAuth 2.0 PKCE (RFC 7636)'],
  ['client_assertion', 'OAuth 2.0 JWT client authentication (RFC 7523)'],
  ['assertion', 'OAuth 2.0 JWT bearer grant (ambiguous: value-shaped)'],
  ['oauth_token', 'OAuth 1.0a'],
  ['auth', 'Firebase Realtime Database REST (ambiguous: value-shaped)'],
  ['private_token', 'GitLab'],
  ['api_key', 'Datadog, SendGrid, many'],
  ['application_key', 'Datadog'],
  ['sentry_key', 'Sentry DSN query'],
  ['routing_key', 'PagerDuty Events v2'],
  ['apiKey', 'camelCase'],
  ['apikey', 'one word'],
  ['api-key', 'kebab-case'],
  ['X-Api-Key', 'header style'],
  ['accessToken', 'camelCase'],
  ['jwt', 'Atlassian Connect'],
  ['clientSecret', 'camelCase'],
  ['apiToken', 'camelCase'],
  ['authToken', 'camelCase'],
  ['sessionToken', 'AWS STS, camelCase'],
  ['X-Auth-Token', 'OpenStack'],
  ['X-CSRF-Token', 'CSRF'],
  ['sas', 'Azure SAS token as one parameter'],
  ['sasToken', 'camelCase'],
  ['passphrase', 'key passphrase'],
  ['credential', 'generic'],
  ['credentials', 'generic'],
  ['otp', 'one-time password'],
  ['totp', 'one-time password'],
  ['password', 'generic'],
  ['passwd', 'generic'],
  ['pwd', 'generic'],
  ['db.password', 'dotted'],
  ['user[password]', 'Rails-style form'],
  ['auth[token]', 'Rails-style form'],
  ['hub.secret', 'WebSub'],
  ['webhook_secret', 'generic'],
  ['sessionid', 'Django'],
  ['session_id', 'generic'],
  ['JSESSIONID', 'Java servlet'],
  ['PHPSESSID', 'PHP'],
  ['connect.sid', 'Express session'],
  ['session', 'generic (ambiguous: value-shaped)'],
  ['cookie', 'generic'],
  ['bearer', 'generic'],
  ['Authorization', 'header'],
  ['Proxy-Authorization', 'header'],
  ['GITHUB_TOKEN', 'environment variable'],
  ['TOKEN_GITHUB', 'environment variable, credential word first'],
  ['private_key', 'generic'],
  ['connection_string', 'generic'],
  ['secret_value', 'a carrier word after the credential word'],
  ['secret_id', 'HashiCorp Vault AppRole'],
];

// Signatures authorize the request they sign: credentials in a URL (presigned URLs), public
// data in a document (DSSE `sig`, commit signatures), where masking would break verification.
const SIGNATURE_NAMES: readonly string[] = [
  'X-Amz-Signature',
  'X-Goog-Signature',
  'sig',
  'Signature',
  'signature',
  'oauth_signature',
];

// Names that must stay visible, with the same generated-looking value.
const ORDINARY_NAMES: ReadonlyArray<[name: string, why: string]> = [
  ['page', 'pagination'],
  ['per_page', 'pagination'],
  ['query', 'PromQL and search'],
  ['q', 'search'],
  ['service', 'scope'],
  ['environment', 'scope'],
  ['author', 'contains "auth" but is not a segment'],
  ['authority', 'contains "auth" but is not a segment'],
  ['oauth', 'contains "auth" but is not a segment'],
  ['session_count', 'ambiguous word in a compound: a count'],
  ['auth_type', 'ambiguous word in a compound'],
  ['keyword', '"key" is not a segment'],
  ['keywords', '"key" is not a segment'],
  ['monkey', '"key" is not a segment'],
  ['hotkey', '"key" is not a segment'],
  ['sort_key', 'a data key'],
  ['sortKey', 'a data key'],
  ['partition_key', 'a data key'],
  ['issueKey', 'a Jira issue key'],
  ['project_key', 'a SonarQube project key'],
  ['public_key', 'public by definition'],
  ['idempotency-key', 'Stripe; not a credential'],
  ['key_id', '"key" not last: the id of a key'],
  ['keyName', '"key" not last'],
  ['token_type', 'OAuth response: a descriptor'],
  ['tokenType', 'a descriptor'],
  ['token_url', 'a descriptor: where to get a token'],
  ['tokenExpiresAt', 'a descriptor'],
  ['secretName', 'Kubernetes: the name of a secret'],
  ['secretRef', 'Kubernetes: a reference'],
  ['password_file', 'a path to the password'],
  ['SignatureVersion', 'AWS query API: a descriptor'],
  ['SignatureMethod', 'AWS query API: a descriptor'],
  ['X-Amz-Date', 'AWS presigned URL'],
  ['X-Amz-Expires', 'AWS presigned URL'],
  ['X-Amz-SignedHeaders', 'AWS presigned URL: names of signed headers'],
  ['X-Amz-Algorithm', 'AWS presigned URL'],
  ['X-Goog-Date', 'GCS signed URL'],
  ['se', 'Azure SAS expiry'],
  ['sp', 'Azure SAS permissions'],
  ['sv', 'Azure SAS version'],
  ['sr', 'Azure SAS resource'],
  ['GoogleAccessId', 'GCS V2 signed URL: a service account e-mail'],
  ['Key-Pair-Id', 'CloudFront: the id of the key pair'],
  ['Expires', 'CloudFront'],
  ['client_id', 'OAuth: public'],
  ['redirect_uri', 'OAuth'],
  ['state', 'OAuth CSRF state: not a credential by itself'],
  ['scope', 'OAuth'],
  ['grant_type', 'OAuth'],
  ['code_challenge', 'PKCE: public'],
  ['expires_in', 'OAuth'],
  ['run_id', 'GitHub Actions'],
  ['head_sha', 'GitHub Actions'],
  ['labelSelector', 'Kubernetes'],
  ['cookies_enabled', 'a descriptor'],
];

describe('splitNameSegments', () => {
  it.each([
    ['accessToken', ['access', 'token']],
    ['APIKey', ['api', 'key']],
    ['X-Amz-Security-Token', ['x', 'amz', 'security', 'token']],
    ['client_secret', ['client', 'secret']],
    ['db.password', ['db', 'password']],
    ['auth[token]', ['auth', 'token']],
    ['X-Hub-Signature-256', ['x', 'hub', 'signature']],
    ['key1', ['key']],
    ['oauth2Token', ['oauth', 'token']],
    ['AWSAccessKeyId', ['aws', 'access', 'key', 'id']],
    ['keyword', ['keyword']],
    ['', []],
  ])('%s → %j', (name, segments) => {
    expect(splitNameSegments(name)).toEqual(segments);
  });

  it('reads only the last 256 characters of a very long name', () => {
    expect(splitNameSegments(`${'a_'.repeat(100_000)}token`).at(-1)).toBe('token');
    expect(splitNameSegments(`${'a_'.repeat(100_000)}token`).length).toBeLessThanOrEqual(129);
  });
});

describe('one rule for names: query parameters, text assignments, object keys, headers', () => {
  const redactor = createRedactor();

  it.each(SECRET_NAMES)('masks %s (%s) everywhere', (name) => {
    const url = redactor.redactUrl(
      `https://api.example.com/x?page=2&${encodeURIComponent(name)}=${VALUE}`,
    );
    expect(url).not.toContain(VALUE);
    expect(url).toContain('page=2');
    expect(redactor.redactText(`sent ${name}=${VALUE} upstream`)).toBe(
      `sent ${name}=${REDACTED} upstream`,
    );
    expect(redactor.redactText(JSON.stringify({ [name]: VALUE }))).not.toContain(VALUE);
    expect(redactor.redactValue({ [name]: VALUE, page: 2 })).toEqual({ [name]: REDACTED, page: 2 });
    expect(JSON.stringify(redactor.redactHeaders({ [name]: VALUE }))).not.toContain(VALUE);
  });

  it.each(SIGNATURE_NAMES)('masks the signature %s in URLs and assignments only', (name) => {
    expect(redactor.redactUrl(`https://bucket.example.com/o?${name}=${VALUE}`)).not.toContain(
      VALUE,
    );
    expect(redactor.redactText(`?${name}=${VALUE}`)).toBe(`?${name}=${REDACTED}`);
    // A DSSE envelope's `sig` or a commit signature is public and must stay verifiable.
    expect(redactor.redactValue({ [name]: VALUE })).toEqual({ [name]: VALUE });
    expect(redactor.redactText(JSON.stringify({ [name]: VALUE }))).toContain(VALUE);
  });

  it.each(ORDINARY_NAMES)('leaves %s (%s) visible everywhere', (name) => {
    const url = `https://api.example.com/x?${encodeURIComponent(name)}=${VALUE}`;
    expect(redactor.redactUrl(url)).toBe(url);
    expect(redactor.redactText(`${name}=${VALUE}`)).toBe(`${name}=${VALUE}`);
    expect(redactor.redactText(`${name}: ${VALUE}`)).toBe(`${name}: ${VALUE}`);
    expect(redactor.redactValue({ [name]: VALUE })).toEqual({ [name]: VALUE });
    expect(redactor.redactHeaders({ [name]: VALUE })).toEqual({ [name]: VALUE });
  });

  it.each([
    ['key', 'PROJ-123'],
    ['key', 'app.kubernetes.io/name'],
    ['code', 'connector_error'],
    ['code', '404'],
    ['code', 'ECONNRESET'],
    ['session', 'interactive'],
    ['auth', 'none'],
  ])(
    'an ambiguous name (%s) keeps a value that is not shaped like a credential: %s',
    (name, value) => {
      expect(classifyName(name, 'field')).toBe('ambiguous');
      expect(redactor.redactValue({ [name]: value })).toEqual({ [name]: value });
      expect(redactor.redactText(`?${name}=${value}`)).toBe(`?${name}=${value}`);
    },
  );

  it.each([
    ['key', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
    ['code', '4/0AX4XfWh8Vq2fGQ9ZKp3yXc7Lr1t'],
    ['code', '123456'],
    ['session', 's%3A8f2a9c1e4b7d6a0f9e8d7c6b5a4'],
  ])('an ambiguous name (%s) masks a value shaped like a credential: %s', (name, value) => {
    expect(redactor.redactValue({ [name]: value })).toEqual({ [name]: REDACTED });
    expect(redactor.redactText(`?${name}=${value}`)).toBe(`?${name}=${REDACTED}`);
  });

  it('masks credential keys whatever their value type, and leaves empty values alone', () => {
    expect(
      redactor.redactValue({ pin: 1234, password: 1234, token: { nested: true }, secret: '' }),
    ).toEqual({ pin: 1234, password: REDACTED, token: REDACTED, secret: '' });
  });
});
