import type { EvidenceScope, EvidenceTarget, Release } from '@evidencekit/core';
import { createPrometheus } from '@evidencekit/prometheus';

/** The server-side catalog: which targets a service has in an environment. */
export interface TargetCatalog {
  /** The targets of one service in one environment, or undefined when it has none. */
  targetsFor(request: {
    service: string;
    environment: string;
    release?: Release;
  }): EvidenceTarget[] | undefined;
}

/** Options of {@link createTargetCatalog}. */
export interface TargetCatalogOptions {
  /** The workspace every record is scoped to (one per deployment of this host). */
  workspaceId: string;
  /** Where Prometheus is. Operator configuration, never a request field. */
  prometheusUrl: string;
  /** A secret reference for the Prometheus token, e.g. `env:PROMETHEUS_TOKEN`. */
  prometheusToken: string;
  /** The services and the environments each one is collected in. */
  services: Readonly<Record<string, readonly string[]>>;
}

/**
 * Builds the fixed catalog. Connector settings (URLs, credentials) live here, on the server;
 * a request only names a service and an environment, and can never point the host at another
 * URL or make it send its credentials somewhere else.
 */
export function createTargetCatalog(options: TargetCatalogOptions): TargetCatalog {
  const prometheus = createPrometheus({
    baseUrl: options.prometheusUrl,
    auth: { type: 'bearer', token: options.prometheusToken },
  });
  return {
    targetsFor({ service, environment, release }) {
      const environments = Object.hasOwn(options.services, service)
        ? options.services[service]
        : undefined;
      if (environments === undefined || !environments.includes(environment)) return undefined;
      const scope: EvidenceScope = {
        workspaceId: options.workspaceId,
        service,
        environment,
        ...(release === undefined ? {} : { release }),
      };
      return [
        {
          connector: prometheus,
          scope,
          selector: { facts: ['error_rate', 'p95_latency', 'request_volume'] },
        },
      ];
    },
  };
}
