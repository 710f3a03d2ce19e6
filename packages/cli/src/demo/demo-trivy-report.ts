import { createHash } from 'node:crypto';
import type { DemoService, DemoVulnerability } from './demo-services';

// The shape of `trivy image --format json` output (SchemaVersion 2), trimmed to a realistic
// minimum: https://trivy.dev/latest/docs/configuration/reporting/#json. Trivy emits one result
// per scanned target: the OS packages of the image and each language ecosystem it found.

function vulnerabilityEntry(vulnerability: DemoVulnerability) {
  return {
    VulnerabilityID: vulnerability.id,
    PkgName: vulnerability.packageName,
    InstalledVersion: vulnerability.installedVersion,
    FixedVersion: vulnerability.fixedVersion,
    Status: vulnerability.fixedVersion === '' ? 'affected' : 'fixed',
    SeveritySource: 'nvd',
    PrimaryURL: `https://avd.aquasec.com/nvd/${vulnerability.id.toLowerCase()}`,
    Title: vulnerability.title,
    Severity: vulnerability.severity,
  };
}

/**
 * The Trivy JSON report a CI step would upload for a demo service's released image, created
 * at `createdAt` so the evidence is fresh.
 */
export function demoTrivyReport(service: DemoService, createdAt: Date): Record<string, unknown> {
  const tag = `${service.image}:${service.release.version}`;
  return {
    SchemaVersion: 2,
    CreatedAt: createdAt.toISOString(),
    ArtifactName: tag,
    ArtifactType: 'container_image',
    Metadata: {
      Size: 18_431_488,
      OS: { Family: 'alpine', Name: '3.20.3' },
      // The image config digest, which differs from the manifest digest in RepoDigests.
      ImageID: `sha256:${createHash('sha256').update(`${tag} config`).digest('hex')}`,
      RepoTags: [tag],
      RepoDigests: [`${service.image}@${service.release.artifactDigest}`],
    },
    Results: [
      {
        Target: `${tag} (alpine 3.20.3)`,
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: service.vulnerabilities.os.map(vulnerabilityEntry),
      },
      {
        Target: `app/${service.name}`,
        Class: 'lang-pkgs',
        Type: 'gobinary',
        Vulnerabilities: service.vulnerabilities.goModules.map(vulnerabilityEntry),
      },
    ],
  };
}
