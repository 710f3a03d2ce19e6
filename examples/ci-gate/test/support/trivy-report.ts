/**
 * A Trivy JSON report (`trivy image --format json`, SchemaVersion 2, trimmed; see
 * https://trivy.dev/latest/docs/configuration/reporting/#json) of an image with one MEDIUM
 * vulnerability and nothing worse, scanned by digest.
 */
export function cleanTrivyReport(options: { image: string; digest: string; createdAt: Date }) {
  return {
    SchemaVersion: 2,
    CreatedAt: options.createdAt.toISOString(),
    ArtifactName: `${options.image}@${options.digest}`,
    ArtifactType: 'container_image',
    Metadata: {
      OS: { Family: 'alpine', Name: '3.20.3' },
      RepoDigests: [`${options.image}@${options.digest}`],
    },
    Results: [
      {
        Target: `${options.image}@${options.digest} (alpine 3.20.3)`,
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2024-12797',
            PkgName: 'libssl3',
            InstalledVersion: '3.3.2-r1',
            FixedVersion: '3.3.3-r0',
            Severity: 'MEDIUM',
          },
        ],
      },
    ],
  };
}
