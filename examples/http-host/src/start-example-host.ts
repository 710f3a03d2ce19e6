import { createEvidenceHost, type EvidenceHost } from './create-evidence-host';
import { startFakePrometheus } from './fake-prometheus';
import { releasePolicy } from './gate-policy';
import { createTargetCatalog } from './target-catalog';

/** Options of {@link startExampleHost}. */
export interface StartExampleHostOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Largest request body, in bytes. */
  maxBodyBytes?: number;
  /** Awaited by the fake Prometheus before each answer (tests hold a request in flight). */
  beforePrometheusAnswers?: () => Promise<void>;
}

/**
 * Starts the example end to end: a loopback fake Prometheus that checks a bearer token, and the
 * host with a catalog of two services. The token reaches the catalog only as the reference
 * `env:EXAMPLE_PROMETHEUS_TOKEN`; the runtime resolves it per request and redacts it.
 */
export async function startExampleHost(options: StartExampleHostOptions = {}): Promise<{
  url: string;
  host: EvidenceHost;
  prometheus: Awaited<ReturnType<typeof startFakePrometheus>>;
  token: string;
  close: () => Promise<void>;
}> {
  const token = 'example-prometheus-token-c41d9e7a';
  process.env.EXAMPLE_PROMETHEUS_TOKEN = token;
  const prometheus = await startFakePrometheus({
    token,
    ...(options.beforePrometheusAnswers === undefined
      ? {}
      : { beforeAnswer: options.beforePrometheusAnswers }),
  });
  const host = createEvidenceHost({
    catalog: createTargetCatalog({
      workspaceId: 'acme',
      prometheusUrl: prometheus.baseUrl,
      prometheusToken: 'env:EXAMPLE_PROMETHEUS_TOKEN',
      services: {
        'checkout-api': ['staging', 'production'],
        'payments-api': ['staging', 'production'],
      },
    }),
    policy: releasePolicy,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const url = await host.listen(options.port ?? 0);
  return {
    url,
    host,
    prometheus,
    token,
    close: async () => {
      await host.close();
      await prometheus.close();
    },
  };
}
