import { ApiCallError } from '@evidencekit/core';

/**
 * The fine-grained permissions GitHub says an endpoint needs, from the
 * `X-Accepted-GitHub-Permissions` header of a 403 (e.g. `actions=read`), or undefined.
 */
export function acceptedPermissions(error: ApiCallError): string | undefined {
  const header = error.headers?.['x-accepted-github-permissions']?.trim();
  return header === undefined || header === '' ? undefined : header;
}

/**
 * Runs `call`; a `forbidden` 403 is rethrown with the permission GitHub says the endpoint
 * needs, so the operator learns what to grant instead of a bare status. Other errors,
 * including rate-limited 403s, pass through untouched.
 */
export async function explainForbidden<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason !== 'forbidden') throw error;
    const permissions = acceptedPermissions(error);
    const hint =
      permissions === undefined
        ? ' The token cannot read GitHub Actions here: a fine-grained token needs Actions: read on the repository; a classic token needs repo for a private repository.'
        : ` GitHub says the endpoint needs the fine-grained permission(s) ${permissions}.`;
    throw error.withDetails({ message: `${error.message}${hint}`, isRetryable: false });
  }
}
