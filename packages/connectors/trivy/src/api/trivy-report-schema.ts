import { z } from 'zod';
import { TRIVY_SEVERITIES } from '../trivy-facts';

// Only the fields the connector reads. Trivy omits empty keys (Go `omitempty`) and older
// versions emit `null` for empty lists, hence `.nullish()`; unknown fields are stripped.

const vulnerabilitySchema = z.object({
  VulnerabilityID: z.string().min(1),
  PkgName: z.string().nullish(),
  InstalledVersion: z.string().nullish(),
  FixedVersion: z.string().nullish(),
  Severity: z.enum(TRIVY_SEVERITIES, {
    error: (issue) =>
      `expected one of ${TRIVY_SEVERITIES.join(', ')}, received ${describeReceived(issue.input)}`,
  }),
  PrimaryURL: z.string().nullish(),
});

const resultSchema = z.object({
  Target: z.string(),
  Class: z.string().nullish(),
  Type: z.string().nullish(),
  Vulnerabilities: z.array(vulnerabilitySchema).nullish(),
});

/** A Trivy JSON report (`SchemaVersion: 2`), reduced to what the connector reads. */
export const trivyReportSchema = z.object({
  SchemaVersion: z.literal(2),
  CreatedAt: z.iso.datetime({ offset: true }).nullish(),
  ArtifactName: z.string().nullish(),
  ArtifactType: z.string().nullish(),
  Metadata: z
    .object({
      ImageID: z.string().nullish(),
      RepoDigests: z.array(z.string()).nullish(),
    })
    .nullish(),
  Results: z.array(resultSchema).nullish(),
});

/** A validated Trivy report. */
export type TrivyReport = z.output<typeof trivyReportSchema>;
/** One result (a scanned target) of a Trivy report. */
export type TrivyResult = z.output<typeof resultSchema>;
/** One vulnerability of a Trivy result. */
export type TrivyVulnerability = z.output<typeof vulnerabilitySchema>;

/** Describes a received value for an error message without echoing long text. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
