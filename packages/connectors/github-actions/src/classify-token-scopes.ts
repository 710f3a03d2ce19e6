/** Classic-token scopes that only read, and so are never broader than this connector needs. */
const READ_ONLY_SCOPE_PATTERN = /^(?:read:[a-z_:]+|user:email)$/;

/**
 * The scopes of a classic token (the `X-OAuth-Scopes` header, comma-separated) that grant
 * more than reading: `repo`, `workflow`, `admin:*`, `write:*`, `delete_repo` and every other
 * scope that is not `read:*`. Undefined when the header is absent: fine-grained, GitHub App
 * and `GITHUB_TOKEN` tokens send none.
 */
export function broadScopes(scopesHeader: string | undefined): string[] | undefined {
  if (scopesHeader === undefined) return undefined;
  return scopesHeader
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '' && !READ_ONLY_SCOPE_PATTERN.test(scope));
}
