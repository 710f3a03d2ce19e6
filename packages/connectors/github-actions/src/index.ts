export { createGitHubActions } from './create-github-actions';
export { githubActionsConnector } from './github-actions-connector';
export type { GitHubActionsSelector, ParsedGitHubActionsSelector } from './github-actions-selector';
export { githubActionsSelectorSchema } from './github-actions-selector';
export type { GitHubActionsConfig, GitHubActionsSettings } from './github-actions-settings';
export { githubActionsSettingsSchema } from './github-actions-settings';
export { VERSION } from './version';
