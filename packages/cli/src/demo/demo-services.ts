/** One vulnerability in a demo service's image, as Trivy reports it. */
export interface DemoVulnerability {
  id: string;
  packageName: string;
  installedVersion: string;
  /** Empty when no fix is released yet, as Trivy leaves `FixedVersion` empty. */
  fixedVersion: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  title: string;
}

/** A service of the demo: its release, what its metrics say and what its image contains. */
export interface DemoService {
  name: string;
  /** The image repository, e.g. `ghcr.io/acme-demo/checkout`. */
  image: string;
  /** The release being gated: every field, so the Trivy report can be tied to the image. */
  release: { version: string; commit: string; artifactDigest: string };
  /** What the sandbox's Prometheus answers for this service. */
  metrics: {
    /** Share of 5xx responses, 0 to 1. */
    errorRatio: number;
    /** 95th percentile latency, in seconds. */
    p95Seconds: number;
    /** Requests over the query window. */
    requests: number;
  };
  /** The Alpine packages and Go modules Trivy finds vulnerable in the image. */
  vulnerabilities: {
    os: readonly DemoVulnerability[];
    goModules: readonly DemoVulnerability[];
  };
}

/** The workspace and environment every demo record belongs to. */
export const DEMO_SCOPE = { workspaceId: 'acme-demo', environment: 'production' } as const;

/**
 * The two services of the demo: `checkout` is healthy and clean, so it passes; `payments` has
 * an error-rate breach in Prometheus and a critical CVE in its Trivy report, so it is blocked.
 */
export const DEMO_SERVICES: readonly DemoService[] = [
  {
    name: 'checkout',
    image: 'ghcr.io/acme-demo/checkout',
    release: {
      version: '2.14.0',
      commit: '3f9c2ab7e41d08c6b5a9f2e1d7c4b3a6e8f0d1c2',
      artifactDigest: 'sha256:4d1f6a0c9e8b7d2f3a5c6e1b0d9f8a7c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f',
    },
    metrics: { errorRatio: 0.0012, p95Seconds: 0.182, requests: 48_213 },
    vulnerabilities: {
      os: [
        {
          id: 'CVE-2024-12797',
          packageName: 'libssl3',
          installedVersion: '3.3.2-r1',
          fixedVersion: '3.3.3-r0',
          severity: 'MEDIUM',
          title: 'openssl: RFC7250 handshakes with unauthenticated servers do not abort',
        },
      ],
      goModules: [
        {
          id: 'CVE-2025-22870',
          packageName: 'golang.org/x/net',
          installedVersion: 'v0.33.0',
          fixedVersion: '0.36.0',
          severity: 'LOW',
          title: 'golang.org/x/net/proxy: IPv6 zone IDs can bypass NO_PROXY matching',
        },
      ],
    },
  },
  {
    name: 'payments',
    image: 'ghcr.io/acme-demo/payments',
    release: {
      version: '3.2.0',
      commit: '9b2e4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b',
      artifactDigest: 'sha256:8e2b4d6f0a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e1b',
    },
    metrics: { errorRatio: 0.047, p95Seconds: 0.241, requests: 21_907 },
    vulnerabilities: {
      os: [
        {
          id: 'CVE-2024-12797',
          packageName: 'libssl3',
          installedVersion: '3.3.2-r1',
          fixedVersion: '3.3.3-r0',
          severity: 'MEDIUM',
          title: 'openssl: RFC7250 handshakes with unauthenticated servers do not abort',
        },
      ],
      goModules: [
        {
          id: 'CVE-2024-45337',
          packageName: 'golang.org/x/crypto',
          installedVersion: 'v0.30.0',
          fixedVersion: '0.31.0',
          severity: 'CRITICAL',
          title:
            'golang.org/x/crypto/ssh: Misuse of ServerConfig.PublicKeyCallback may cause authorization bypass',
        },
      ],
    },
  },
];

/**
 * The gate policy of the demo, the same in every environment: the error rate and the critical
 * vulnerability count are key facts, and the Trivy report must be about the released image.
 */
export const DEMO_POLICY_INPUT = {
  environments: {
    '*': {
      required: [
        { connector: 'prometheus', fact: 'error_rate', key: true },
        { connector: 'prometheus', fact: 'p95_latency' },
        { connector: 'prometheus', fact: 'request_volume' },
        { connector: 'trivy', fact: 'critical_vulnerabilities', key: true },
        { connector: 'trivy', fact: 'high_vulnerabilities' },
        { connector: 'trivy', fact: 'artifact_digest_match' },
      ],
    },
  },
} as const;
