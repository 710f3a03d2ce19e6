import type { ConnectorAnswers, ScaffoldMode } from '../connector-answers';
import type { ConnectorNames } from '../connector-names';
import type { ToolVersions } from '../tool-versions';

/** What every template reads. */
export interface TemplateContext {
  answers: ConnectorAnswers;
  names: ConnectorNames;
  mode: ScaffoldMode;
  versions: ToolVersions;
}

/** A single-quoted TypeScript string literal (display names never hold newlines). */
export function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Where the generated connector's placeholder provider lives in its tests. */
export function placeholderBaseUrl(context: TemplateContext): string {
  return `https://status.${context.names.id}.example`;
}

/** The environment variable the README and tests use for the token. */
export function tokenVariable(context: TemplateContext): string {
  return `${context.names.upperSnake}_TOKEN`;
}

/** The repository's address, for links that must work on the registry page. */
export const REPOSITORY_URL = 'https://github.com/evidencekit/evidencekit';
