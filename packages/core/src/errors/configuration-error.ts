import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.configuration');

/** One problem found in configuration: where it is and what was expected there. */
export interface ConfigurationIssue {
  /** Path to the offending field, e.g. `targets[2].selector.repository`. */
  path: string;
  /** What was expected, in words, e.g. `a string like "owner/name"`. */
  expected: string;
  /** What was found, described without echoing secret values. */
  received?: string;
}

/**
 * Configuration that cannot work: a bad field, an unknown query name, a missing secret, a
 * threshold that does not parse. Never retried. The message names every field and what was
 * expected there.
 */
export class ConfigurationError extends EvidencekitError {
  readonly [marker] = true;
  readonly issues: readonly ConfigurationIssue[];

  constructor(options: { message?: string; issues: ConfigurationIssue[]; cause?: unknown }) {
    super({
      name: 'ConfigurationError',
      code: 'configuration_error',
      reason: 'config',
      message: options.message ?? formatIssues(options.issues),
      cause: options.cause,
    });
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is ConfigurationError {
    return hasMarker(error, marker);
  }
}

function formatIssues(issues: readonly ConfigurationIssue[]): string {
  if (issues.length === 0) return 'Invalid configuration.';
  const lines = issues.map(
    (issue) =>
      `${issue.path || '(root)'}: expected ${issue.expected}${
        issue.received === undefined ? '' : `, received ${issue.received}`
      }`,
  );
  return lines.length === 1
    ? `Invalid configuration at ${lines[0]}`
    : `Invalid configuration:\n  - ${lines.join('\n  - ')}`;
}
