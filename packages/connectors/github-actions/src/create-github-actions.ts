import { type ConfiguredConnector, configureConnector } from '@evidencekit/core/connector';
import { githubActionsConnector } from './github-actions-connector';
import type { GitHubActionsSettings } from './github-actions-settings';

/**
 * Configures the GitHub Actions connector. The token is a secret reference, read only when a
 * request needs it.
 *
 * @example
 * ```ts
 * const github = createGitHubActions({ token: 'env:GITHUB_TOKEN' });
 * const records = await Array.fromAsync(collectEvidence({ targets: [{
 *   connector: github,
 *   scope: { workspaceId: 'acme', service: 'api', environment: 'production',
 *            release: { commit: '009b8a3a9ccbb128af87f9b1c0f4c62e8a304f6d' } },
 *   selector: { repository: 'acme/api', workflow: 'release.yml', requiredJobs: ['build', 'test'] },
 * }] }));
 * ```
 */
export function createGitHubActions(
  settings: GitHubActionsSettings,
  options: { instanceId?: string } = {},
): ConfiguredConnector<typeof githubActionsConnector> {
  return configureConnector(githubActionsConnector, settings, options);
}
