/**
 * Header names whose whole value is a credential. Compared lowercase.
 */
const SENSITIVE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'private-token',
  'api-token',
  'x-auth',
  'x-access-token',
]);

/** Suffixes that make any header name sensitive: `X-Vault-Token`, `X-Goog-Api-Key`… */
const SENSITIVE_HEADER_SUFFIXES: readonly string[] = [
  '-token',
  '-key',
  '-secret',
  '-password',
  '-signature',
  '-credential',
  '-credentials',
];

/**
 * True when a header's value is a credential and must be masked whole.
 *
 * @param name - The header name, any case.
 */
export function isSensitiveHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    SENSITIVE_HEADER_NAMES.has(lower) ||
    SENSITIVE_HEADER_SUFFIXES.some((suffix) => lower.endsWith(suffix))
  );
}

/**
 * Query parameter names whose value is a credential (OAuth codes, API keys, presigned URL
 * signatures). Compared lowercase.
 */
export const SENSITIVE_QUERY_PARAMETER_NAMES: readonly string[] = [
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'private_token',
  'auth_token',
  'api_token',
  'api_key',
  'apikey',
  'api-key',
  'key',
  'secret',
  'client_secret',
  'password',
  'passwd',
  'pwd',
  'sig',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
  'code',
  'session',
  'sessionid',
  'auth',
];

const sensitiveQueryParameterNames: ReadonlySet<string> = new Set(SENSITIVE_QUERY_PARAMETER_NAMES);

/**
 * True when a URL query parameter carries a credential.
 *
 * @param name - The decoded parameter name, any case.
 */
export function isSensitiveQueryParameterName(name: string): boolean {
  return sensitiveQueryParameterNames.has(name.toLowerCase());
}

/**
 * Object keys (normalized: lowercase, letters and digits only) whose value is a credential.
 * Deliberately narrower than the query list: `key` and `code` are ordinary fields in provider
 * data (a Jira issue key, an exit code) and masking them would destroy evidence.
 */
const SENSITIVE_OBJECT_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'token',
  'apikey',
  'xapikey',
  'privatekey',
  'credential',
  'credentials',
]);

const SENSITIVE_OBJECT_KEY_SUFFIXES: readonly string[] = ['token', 'secret', 'password', 'apikey'];

/**
 * True when an object property holds a credential, e.g. `password`, `accessToken`,
 * `client_secret`, `X-Api-Key`.
 *
 * @param key - The property name as it appears in the object.
 */
export function isSensitiveObjectKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (
    SENSITIVE_OBJECT_KEYS.has(normalized) ||
    SENSITIVE_OBJECT_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix))
  );
}
