/** The names a connector's files and exports are built from (docs/writing-a-connector.md). */
export interface ConnectorNames {
  /** The connector id, kebab-case: `github-actions`. File names use it. */
  id: string;
  /** camelCase: `githubActions` (`githubActionsConnector`, `githubActionsSettingsSchema`). */
  camel: string;
  /** The PascalCase brand spelling: `GitHubActions` (`createGitHubActions`, `GitHubActionsConfig`). */
  provider: string;
  /** UPPER_SNAKE_CASE: `GITHUB_ACTIONS` (constants, environment variable names). */
  upperSnake: string;
}

/**
 * Derives every name from the id and the display name. The brand spelling comes from the
 * display name when some of its consecutive words spell the id (`GitHub Actions` for
 * `github-actions`), because the repository's naming rule allows any case as long as the
 * letters are the id's without dashes; otherwise it is the id in PascalCase.
 */
export function connectorNames(id: string, displayName: string): ConnectorNames {
  const segments = id.split('-');
  const camel = segments
    .map((segment, index) => (index === 0 ? segment : capitalize(segment)))
    .join('');
  return {
    id,
    camel,
    provider: brandSpelling(id, displayName) ?? segments.map(capitalize).join(''),
    upperSnake: segments.join('_').toUpperCase(),
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function brandSpelling(id: string, displayName: string): string | undefined {
  const letters = id.replace(/-/g, '');
  // Display names are short (the scaffold caps them), so trying every run of words is cheap.
  const words = displayName.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  for (let start = 0; start < words.length; start += 1) {
    let joined = '';
    for (let end = start; end < words.length; end += 1) {
      joined += capitalize(words[end] ?? '');
      if (joined.length > letters.length) break;
      if (joined.toLowerCase() === letters) return joined;
    }
  }
  return undefined;
}
