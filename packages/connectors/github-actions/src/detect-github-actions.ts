import type { DetectionV1, DetectOptionsV1, JsonValue } from '@evidencekit/core/connector';

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const RELEASE_LIKE = /release|deploy|publish|delivery|cd\b/i;
const TOKEN_VARIABLES = ['GITHUB_TOKEN', 'GH_TOKEN'] as const;

/**
 * Recognizes GitHub Actions in a repository: workflow files under `.github/workflows/`.
 * Suggests the release-like workflow when there is exactly one, the repository from the
 * `origin` remote when `.git/config` names a github.com one, and `token: 'env:GITHUB_TOKEN'`
 * (or `GH_TOKEN`) when that variable is set.
 */
export async function detectGitHubActions(
  options: DetectOptionsV1,
): Promise<DetectionV1 | undefined> {
  const workflows = options.files.filter((file) => WORKFLOW_FILE.test(file)).sort();
  if (workflows.length === 0) return undefined;

  const evidence = workflows.map((file) => `${file} exists`);
  const releaseWorkflows = workflows.filter((file) => RELEASE_LIKE.test(fileName(file)));
  const suggestedSelector: Record<string, JsonValue> = {};
  const [onlyRelease] = releaseWorkflows;
  if (releaseWorkflows.length === 1 && onlyRelease !== undefined) {
    suggestedSelector.workflow = fileName(onlyRelease);
  }
  const repository = originRepository(await options.readFile('.git/config'));
  if (repository !== undefined) {
    suggestedSelector.repository = repository;
    evidence.push(`the origin remote is github.com/${repository}`);
  }

  const tokenVariable = TOKEN_VARIABLES.find((name) =>
    options.environmentVariableNames.includes(name),
  );
  if (tokenVariable !== undefined) evidence.push(`${tokenVariable} is set`);

  return {
    // Workflow files are near-certain; a release-like one says they gate releases.
    confidence: releaseWorkflows.length > 0 ? 0.95 : 0.85,
    evidence,
    ...(tokenVariable === undefined ? {} : { suggestedConfig: { token: `env:${tokenVariable}` } }),
    ...(Object.keys(suggestedSelector).length === 0 ? {} : { suggestedSelector }),
  };
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `owner/name` of a github.com `origin` remote in `.git/config`, or undefined. */
function originRepository(gitConfig: string | undefined): string | undefined {
  if (gitConfig === undefined) return undefined;
  const origin = /\[remote "origin"\]([^[]*)/.exec(gitConfig)?.[1];
  const url = origin === undefined ? undefined : /^\s*url\s*=\s*(\S+)/m.exec(origin)?.[1];
  if (url === undefined) return undefined;
  const match = /github\.com[:/]([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url);
  return match === null ? undefined : `${match[1]}/${match[2]}`;
}
