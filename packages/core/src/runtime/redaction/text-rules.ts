import { authorizationSchemeRule } from './rules/authorization-scheme-rule';
import { jwtRule } from './rules/jwt-rule';
import { KNOWN_TOKEN_RULES } from './rules/known-token-rules';
import { namedValueRule } from './rules/named-value-rule';
import { pemPrivateKeyRule } from './rules/pem-private-key-rule';
import { urlUserinfoRule } from './rules/url-userinfo-rule';
import type { TextRule } from './text-rule';

/**
 * Every credential shape the redactor masks in free text without being told, in the order it
 * applies them: key blocks and URL parts first (they contain `=` and `:` the named-value rule
 * would otherwise read), then named values, schemes and token formats.
 */
export const TEXT_RULES: readonly TextRule[] = [
  pemPrivateKeyRule,
  urlUserinfoRule,
  namedValueRule,
  authorizationSchemeRule,
  ...KNOWN_TOKEN_RULES,
  jwtRule,
];
