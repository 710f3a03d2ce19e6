import type { EvidenceScope } from '@evidencekit/core/connector';

/**
 * The template variables of a target: the selector's extra variables, then the scope's
 * (`service`, `environment`, `workspace`, and `release_version` / `release_commit` when the
 * scope names a release). Scope values come last so nothing can replace them.
 */
export function queryVariables(
  scope: EvidenceScope,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    ...extra,
    service: scope.service,
    environment: scope.environment,
    workspace: scope.workspaceId,
    ...(scope.release?.version === undefined ? {} : { release_version: scope.release.version }),
    ...(scope.release?.commit === undefined ? {} : { release_commit: scope.release.commit }),
  };
}
