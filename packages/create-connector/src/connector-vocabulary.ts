// The values a connector's metadata takes. They are @evidencekit/core's (CONNECTOR_CATEGORIES,
// CONNECTOR_MATURITIES, the credential kinds of ConnectorMetadataV1), copied here so that
// `npm create` installs one small package instead of core and its HTTP stack; a test holds the
// copies equal to core's.

/** What kind of tooling a connector reads (core's `CONNECTOR_CATEGORIES`). */
export const CONNECTOR_CATEGORIES = [
  'ci-cd',
  'runtime',
  'gitops',
  'metrics',
  'logs',
  'errors',
  'incidents',
  'work-items',
  'quality',
  'security',
  'rollout',
  'change-management',
  'cloud',
  'custom',
] as const;

/** A connector category. */
export type ConnectorCategory = (typeof CONNECTOR_CATEGORIES)[number];

/** How a connector gets its evidence (core's `CONNECTOR_MATURITIES`). */
export const CONNECTOR_MATURITIES = [
  'native-pull',
  'evidence-ingest',
  'detected-candidate',
  'manual',
  'planned',
] as const;

/** A connector maturity. */
export type ConnectorMaturity = (typeof CONNECTOR_MATURITIES)[number];

/** Whether the connector's provider needs a credential (`metadata.credential`). */
export const CREDENTIAL_KINDS = ['none', 'optional', 'required'] as const;

/** A credential kind. */
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * A connector id: kebab-case, starting with a letter, as core's conformance suite requires
 * (`github-actions`). At most 40 characters, so names derived from it stay readable.
 */
export const CONNECTOR_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The longest id the scaffold accepts. */
export const MAXIMUM_ID_LENGTH = 40;
