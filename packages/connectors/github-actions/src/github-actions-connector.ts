import { defineConnector } from '@evidencekit/core/connector';
import { checkGitHubToken } from './check-github-token';
import { collectGitHubActions } from './collect-github-actions';
import { detectGitHubActions } from './detect-github-actions';
import { GITHUB_ACTIONS_FACTS } from './github-actions-facts';
import { githubActionsSelectorSchema } from './github-actions-selector';
import { githubActionsSettingsSchema } from './github-actions-settings';
import { ingestWorkflowRun } from './ingest-workflow-run';
import { VERSION } from './version';

/**
 * The GitHub Actions connector: the workflow runs of a release's commit, their required jobs
 * and whether an artifact carries the release's digest. Reads the REST API (github.com,
 * GitHub Enterprise Server, GHE.com), ingests `workflow_run` payloads and detects workflow
 * files. Use `createGitHubActions(settings)` to configure it.
 */
export const githubActionsConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'github-actions',
    displayName: 'GitHub Actions',
    category: 'ci-cd',
    maturity: 'native-pull',
    credential: 'required',
    scope: {
      minimum:
        'A fine-grained token (or GitHub App) on the one repository with Actions: read (and Deployments: read if you also gate on deployments); Metadata: read is implied.',
      avoid:
        'Classic tokens with repo, workflow, write:* or admin:* scopes, and tokens that reach every repository of an organization.',
    },
    facts: GITHUB_ACTIONS_FACTS,
    defaultMaxAgeSeconds: 3_600,
    documentationUrl:
      'https://github.com/evidencekit/evidencekit/tree/main/packages/connectors/github-actions#readme',
    package: { name: '@evidencekit/github-actions', version: VERSION },
  },
  configSchema: githubActionsSettingsSchema,
  selectorSchema: githubActionsSelectorSchema,
  doCheck: checkGitHubToken,
  doCollect: collectGitHubActions,
  doIngest: ingestWorkflowRun,
  doDetect: detectGitHubActions,
});
