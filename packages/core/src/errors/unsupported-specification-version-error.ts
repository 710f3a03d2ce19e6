import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.unsupported-specification-version');

/**
 * A connector declares a contract version this engine does not implement. Usually the
 * connector package and `@evidencekit/core` are from different release lines.
 */
export class UnsupportedSpecificationVersionError extends EvidencekitError {
  readonly [marker] = true;
  readonly connectorId: string;
  readonly specificationVersion: unknown;
  readonly supportedVersions: readonly string[];

  constructor(options: {
    connectorId: string;
    specificationVersion: unknown;
    supportedVersions: readonly string[];
  }) {
    super({
      name: 'UnsupportedSpecificationVersionError',
      code: 'unsupported_specification_version',
      reason: 'config',
      message:
        `Connector "${options.connectorId}" implements specification version ` +
        `${JSON.stringify(options.specificationVersion)}, but this version of @evidencekit/core ` +
        `supports only ${options.supportedVersions.map((v) => `"${v}"`).join(', ')}. ` +
        'Install versions of the connector and @evidencekit/core from the same release line.',
    });
    this.connectorId = options.connectorId;
    this.specificationVersion = options.specificationVersion;
    this.supportedVersions = options.supportedVersions;
  }

  static override isInstance(error: unknown): error is UnsupportedSpecificationVersionError {
    return hasMarker(error, marker);
  }
}
