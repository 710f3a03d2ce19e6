import { SENSITIVE_QUERY_PARAMETER_NAMES } from './sensitive-names';

/** A pattern found in free text and how to rewrite it, given the mask. */
export interface TokenPattern {
  /** What the pattern catches, for tests and docs. */
  description: string;
  /** A global regular expression. */
  pattern: RegExp;
  /** Builds the replacement for one match; capture groups as `String.replace` passes them. */
  replace: (mask: string, ...groups: string[]) => string;
}

function escapeForRegularExpression(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const queryParameterAlternation = SENSITIVE_QUERY_PARAMETER_NAMES.map(
  escapeForRegularExpression,
).join('|');

// Words that, written as `name=value` or `name: value`, introduce a credential in free text.
// Narrower than the query list: "key: service" or "code: 1" in a message is not a secret.
const credentialAssignmentNames = [
  'password',
  'passwd',
  'secret',
  'client_secret',
  'client-secret',
  'access_token',
  'refresh_token',
  'private_token',
  'private-token',
  'api_token',
  'api-token',
  'api_key',
  'api-key',
  'apikey',
  'x-api-key',
  'token',
]
  .map(escapeForRegularExpression)
  .join('|');

/**
 * True for a word that looks like a credential rather than prose: long enough and carrying a
 * digit, a base64 symbol or an inner capital letter. Keeps "Basic authentication failed" and
 * "token expired" readable while masking "Basic dXNlcjpwYXNz" and "token 4f9a…".
 */
function looksLikeCredential(word: string): boolean {
  if (word.length < 8) return false;
  return /[0-9+/=_-]/.test(word) || /[A-Z]/.test(word.slice(1));
}

/**
 * Credential shapes the redactor masks in any text, registered or not. Order matters: URL
 * parts first, then authorization schemes, assignments and well-known token formats.
 */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  {
    description: 'PEM private key blocks',
    pattern:
      /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    replace: (mask) => mask,
  },
  {
    description: 'userinfo in URLs (https://user:password@host)',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)@/gi,
    replace: (mask, scheme = '') => `${scheme}${mask}@`,
  },
  {
    description: 'token-like query parameters (?access_token=…)',
    pattern: new RegExp(`([?&;](?:${queryParameterAlternation})=)([^&#\\s"'<>]*)`, 'gi'),
    replace: (mask, name = '', value = '') => (value === '' ? name : `${name}${mask}`),
  },
  {
    description: 'bearer credentials (Bearer …)',
    pattern: /\b(bearer)(\s+)([^\s"',;]+)/gi,
    replace: (mask, scheme = '', space = '') => `${scheme}${space}${mask}`,
  },
  {
    description: 'other authorization schemes (Basic …, token …, Negotiate …)',
    pattern: /\b(basic|token|negotiate|ntlm)(\s+)([^\s"',;]+)/gi,
    replace: (mask, scheme = '', space = '', value = '') =>
      looksLikeCredential(value) ? `${scheme}${space}${mask}` : `${scheme}${space}${value}`,
  },
  {
    description: 'credential assignments (password=…, "api_key": "…")',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(${credentialAssignmentNames})(["']?\\s*[:=]\\s*["']?)([^\\s"'&,;]+)`,
      'gi',
    ),
    replace: (mask, name = '', separator = '') => `${name}${separator}${mask}`,
  },
  {
    description: 'GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})/g,
    replace: (mask) => mask,
  },
  {
    description: 'GitLab tokens (glpat-, gldt-, glrt-, glptt-, glft-, glsoat-, glcbt-)',
    pattern: /\bgl(?:pat|dt|rt|ptt|ft|soat|cbt|imt|agent)-[A-Za-z0-9_-]{16,}/g,
    replace: (mask) => mask,
  },
  {
    description: 'Slack tokens (xoxb-, xoxp-, xoxa-…)',
    pattern: /\bxox[abposer]-[A-Za-z0-9-]{8,}/g,
    replace: (mask) => mask,
  },
  {
    description: 'Grafana service account, New Relic, Sentry and AWS access key tokens',
    pattern:
      /\b(?:glsa_[A-Za-z0-9_]{20,}|NRAK-[A-Z0-9]{20,}|sntry[su]_[A-Za-z0-9+/=_]{20,}|(?:AKIA|ASIA)[A-Z0-9]{16})\b/g,
    replace: (mask) => mask,
  },
  {
    description: 'JWT-like tokens (three base64url segments, header starting with eyJ)',
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    replace: (mask) => mask,
  },
];
