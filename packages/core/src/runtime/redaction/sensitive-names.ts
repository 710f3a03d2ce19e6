import { splitNameSegments } from './name-segments';
import { isCredentialShaped } from './value-shape';

/**
 * Where a name was found. A signature authorizes the request it signs, so it is a credential in
 * a URL query or a `name=value` assignment (presigned S3, GCS and Azure SAS URLs) and public
 * data in a document or header (a DSSE envelope's `sig`, a commit's PGP signature, a webhook's
 * `X-Hub-Signature-256`), where masking it would break verification.
 */
export type NameContext = 'query' | 'field';

/** Segments that make a name a credential wherever they appear in it. */
const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'passwords',
  'passwd',
  'pwd',
  'passphrase',
  'credential',
  'credentials',
  'creds',
  'jwt',
  'otp',
  'totp',
  'hotp',
  'sas',
  'cookie',
  'cookies',
  'bearer',
  'authorization',
  'apikey',
  'apikeys',
  'privatekey',
]);

/** Credential words in query context only (see {@link NameContext}). */
const SIGNATURE_WORDS: ReadonlySet<string> = new Set(['signature', 'signatures', 'sig']);

/**
 * Endings that make a single unsplittable segment a credential: `accesstoken`, `clientsecret`,
 * `dbpassword`, `xapikey`, `jsessionid`, `phpsessid`. Only endings no ordinary English word has.
 */
const CREDENTIAL_ENDINGS: readonly string[] = [
  'token',
  'tokens',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'credential',
  'credentials',
  'apikey',
  'privatekey',
  'accesskey',
  'secretkey',
  'signingkey',
  'cookie',
  'sessionid',
  'sessid',
];

/** Single segments that are a credential as a whole, though neither part is one alone. */
const CREDENTIAL_COMPOUNDS: ReadonlySet<string> = new Set([
  'sessionid',
  'sessid',
  'sessionkey',
  'authkey',
  'connectionstring',
  'codeverifier',
]);

/** Two-segment compounds that are credentials: `session_id`, `connection-string`, `codeVerifier`. */
const CREDENTIAL_PAIRS: ReadonlySet<string> = new Set([
  'session id',
  'connection string',
  'code verifier',
  'client assertion',
  'connect sid',
]);

/**
 * Qualifiers that make `<qualifier>_key` a data key rather than a credential. Any other
 * qualifier (`api_key`, `access_key`, `routing_key`, `subscription-key`, `license_key`, a
 * vendor's `sentry_key`) makes it a credential: unknown qualifiers fail safe.
 */
const ORDINARY_KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'sort',
  'partition',
  'range',
  'row',
  'hash',
  'cache',
  'dedup',
  'dedupe',
  'deduplication',
  'idempotency',
  'issue',
  'project',
  'object',
  'foreign',
  'unique',
  'composite',
  'lookup',
  'index',
  'label',
  'annotation',
  'map',
  'group',
  'public',
  'component',
  'metric',
  'config',
  'configmap',
  'toleration',
  'selector',
  'node',
  'cursor',
  'page',
  'item',
  'entry',
  'field',
  'column',
  'property',
  'tag',
  'resource',
]);

/**
 * Last segments that describe a credential without being it: `token_type`, `secretName`,
 * `password_file`, `token_url`, `tokenExpiresAt`, `session_count`. A name ending in one of them
 * is ordinary even when it carries a credential word. Words that name the value itself
 * (`value`, `data`, `string`, `id`) are deliberately absent: `secret_value`, Vault's `secret_id`.
 */
const DESCRIPTOR_WORDS: ReadonlySet<string> = new Set([
  'type',
  'types',
  'kind',
  'name',
  'names',
  'label',
  'count',
  'length',
  'size',
  'url',
  'uri',
  'urls',
  'endpoint',
  'host',
  'path',
  'file',
  'ref',
  'reference',
  'version',
  'method',
  'algorithm',
  'alg',
  'scheme',
  'format',
  'policy',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'lifetime',
  'age',
  'at',
  'in',
  'enabled',
  'required',
  'present',
  'provided',
  'exists',
  'header',
  'prefix',
  'hint',
  'source',
  'provider',
  'issuer',
  'audience',
  'scope',
  'scopes',
  'status',
  'state',
  'error',
  'errors',
  'env',
  'variable',
  'field',
  'location',
  'mode',
  'usage',
]);

/**
 * Names that are a credential in some APIs and ordinary data in others: Google's `?key=`, an
 * OAuth `?code=`, Firebase's `?auth=`, but a Jira issue `key`, a reason `code`. Alone (a leading
 * `X-` aside), their value is masked only when it has the shape of a credential.
 */
const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set([
  'key',
  'keys',
  'code',
  'session',
  'auth',
  'sid',
  'assertion',
]);

/** How a name's value is treated. */
export type NameClass = 'credential' | 'ambiguous' | 'ordinary';

/**
 * Classifies a field, header or query parameter name: the one rule the redactor uses for object
 * keys, header names, query parameters and `name=value` / `name: value` in free text.
 *
 * The name is split into word segments ({@link splitNameSegments}). It is a `credential` when
 *
 * 1. a segment is a credential word (`token`, `secret`, `password`, `passwd`, `pwd`, `passphrase`,
 *    `credential(s)`, `creds`, `jwt`, `otp`, `sas`, `cookie`, `bearer`, `authorization`,
 *    `apikey`, and in query context `signature`/`sig`), or ends with an unambiguous one
 *    (`accesstoken`, `clientsecret`), or is a compound (`sessionid`, `connectionstring`); or
 * 2. two adjacent segments form a compound (`session id`, `connection string`, `code verifier`,
 *    `client assertion`); or
 * 3. it ends with `key` after a qualifier that is not a data-structure word (`api_key`,
 *    `AccessKey`, `subscription-key`; but not `sort_key`, `public_key`, `issue_key`);
 *
 * unless its last segment is a descriptor (`type`, `name`, `url`, `file`, `count`, `expires`…),
 * which names a property of the credential rather than the credential. A name that is only an
 * ambiguous word (`key`, `code`, `session`, `auth`, `sid`, `assertion`, optionally after `X-`)
 * is `ambiguous`. Everything else is `ordinary`.
 *
 * @param name - The name as written (decoded, for query parameters), any case.
 * @param context - Where the name was found.
 */
export function classifyName(name: string, context: NameContext): NameClass {
  const segments = splitNameSegments(name);
  if (segments.length === 0) return 'ordinary';
  const last = segments[segments.length - 1] ?? '';
  const meaningful = segments[0] === 'x' ? segments.slice(1) : segments;
  if (meaningful.length === 1 && AMBIGUOUS_WORDS.has(last)) return 'ambiguous';
  if (segments.length > 1 && DESCRIPTOR_WORDS.has(last)) return 'ordinary';
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] ?? '';
    if (isCredentialSegment(segment, context)) return 'credential';
    const previous = segments[index - 1];
    if (previous !== undefined && CREDENTIAL_PAIRS.has(`${previous} ${segment}`)) {
      return 'credential';
    }
  }
  const qualifier = segments[segments.length - 2];
  if (
    (last === 'key' || last === 'keys') &&
    qualifier !== undefined &&
    qualifier !== 'x' &&
    !ORDINARY_KEY_QUALIFIERS.has(qualifier)
  ) {
    return 'credential';
  }
  return 'ordinary';
}

function isCredentialSegment(segment: string, context: NameContext): boolean {
  if (CREDENTIAL_WORDS.has(segment) || CREDENTIAL_COMPOUNDS.has(segment)) return true;
  if (context === 'query' && SIGNATURE_WORDS.has(segment)) return true;
  return (
    CREDENTIAL_ENDINGS.some(
      (ending) => segment.length > ending.length && segment.endsWith(ending),
    ) ||
    (context === 'query' && segment.length > 9 && segment.endsWith('signature'))
  );
}

/**
 * The redactor's one decision for a named value: true when the value must be masked whole.
 * A credential name masks any value that is present (not `undefined`, `null` or `''`); an
 * ambiguous name masks a string value shaped like a credential; an ordinary name masks nothing
 * (its value is still redacted as text).
 *
 * @param name - The field, header or parameter name.
 * @param value - Its value.
 * @param context - Where the name was found.
 */
export function isSensitiveNamedValue(name: string, value: unknown, context: NameContext): boolean {
  if (value === undefined || value === null || value === '') return false;
  switch (classifyName(name, context)) {
    case 'credential':
      return true;
    case 'ambiguous':
      return typeof value === 'string' && isCredentialShaped(value);
    case 'ordinary':
      return false;
  }
}
