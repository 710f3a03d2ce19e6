export { createGitHubActions } from './create-github-actions';
export { githubActionsConnector } from './github-actions-connector';
export type { GitHubActionsSelector } from './github-actions-selector';
export type { GitHubActionsSettings } from './github-actions-settings';
export { VERSION } from './version';
