/**
 * The connector packages `detect` asks when they are installed. Others can be added through
 * the configuration's `connectors`.
 */
export const KNOWN_CONNECTOR_PACKAGES = [
  '@evidencekit/github-actions',
  '@evidencekit/kubernetes',
  '@evidencekit/prometheus',
  '@evidencekit/trivy',
  '@evidencekit/webhook',
] as const;
