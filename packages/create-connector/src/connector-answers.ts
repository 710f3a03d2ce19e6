import type { ConnectorCategory, ConnectorMaturity, CredentialKind } from './connector-vocabulary';

/** Where the package is written and which dependency ranges and configs it gets. */
export type ScaffoldMode =
  /**
   * A package that builds, tests and packs on its own: real version ranges, its own tsup,
   * vitest and TypeScript configs (what `npm create @evidencekit/connector` writes).
   */
  | 'standalone'
  /**
   * A connector of the Evidencekit repository, in `packages/connectors/<id>`: `workspace:`
   * ranges, the repository's shared configs, a changeset (what `pnpm new:connector` writes).
   */
  | 'workspace';

/** Everything the scaffold needs to know about the connector, validated. */
export interface ConnectorAnswers {
  /** Kebab-case connector id, e.g. `acme-status`. */
  id: string;
  /** What people call the provider, e.g. `Acme Status`. */
  displayName: string;
  category: ConnectorCategory;
  maturity: ConnectorMaturity;
  credential: CredentialKind;
  /** The npm package name; `@evidencekit/<id>` in the workspace. */
  packageName: string;
}
