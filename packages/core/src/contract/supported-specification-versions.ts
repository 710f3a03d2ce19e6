import { UnsupportedSpecificationVersionError } from '../errors/unsupported-specification-version-error';
import type { AnyConnectorV1 } from './v1/connector-v1';

/** Contract versions this engine implements. */
export const SUPPORTED_SPECIFICATION_VERSIONS = ['v1'] as const;

/**
 * Returns the connector when this engine implements its contract version, and throws
 * `UnsupportedSpecificationVersionError` naming the supported versions otherwise.
 */
export function assertSupportedConnector(connector: unknown): AnyConnectorV1 {
  const candidate = connector as Partial<AnyConnectorV1> | undefined;
  const version = candidate?.specificationVersion;
  if (version === 'v1') return candidate as AnyConnectorV1;
  throw new UnsupportedSpecificationVersionError({
    connectorId: String(candidate?.metadata?.id ?? 'unknown'),
    specificationVersion: version,
    supportedVersions: SUPPORTED_SPECIFICATION_VERSIONS,
  });
}
