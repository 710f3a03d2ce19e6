import {
  ApiCallError,
  type CheckFindingV1,
  type CheckOptionsV1,
  type CheckResultV1,
  ConfigurationError,
} from '@evidencekit/core/connector';
import { buildInfoSchema } from './api/build-info-schema';
import { createPrometheusAllowlist } from './create-prometheus-allowlist';
import { createPrometheusClient } from './create-prometheus-client';
import { describePrometheusError } from './describe-prometheus-error';
import type { PrometheusConfig } from './prometheus-settings';
import { runPrometheusQuery } from './run-prometheus-query';

const BUILD_INFO_PATH = 'api/v1/status/buildinfo';

// A constant the connector owns, not a target's text: it proves the query endpoint answers
// with this credential without reading any series.
const PROBE_QUERY = 'vector(1)';

function failure(error: ApiCallError): CheckFindingV1 {
  return { status: 'error', code: error.reason, message: error.message };
}

/**
 * Checks a Prometheus connection quickly: the configured queries render, the server answers
 * `/api/v1/status/buildinfo` (a compatible backend without it only gets a warning), and one
 * constant query runs with the credential. A credential sent over plain `http://` is a
 * warning. Provider errors become findings with their typed reason; nothing is retried past
 * the runtime's fail-fast policy.
 */
export async function checkPrometheus(
  options: CheckOptionsV1<PrometheusConfig>,
): Promise<CheckResultV1> {
  const { config } = options;
  const findings: CheckFindingV1[] = [];

  try {
    const names = createPrometheusAllowlist(config).names();
    findings.push({
      status: 'ok',
      code: 'queries_valid',
      message: `${names.length} named queries are allowlisted: ${names.join(', ')}.`,
    });
  } catch (error) {
    if (!ConfigurationError.isInstance(error)) throw error;
    findings.push({ status: 'error', code: 'config', message: error.message });
  }

  if (config.auth !== undefined && new URL(config.baseUrl).protocol === 'http:') {
    findings.push({
      status: 'warning',
      code: 'credential_over_plain_http',
      message: `The ${config.auth.type} credential is sent over plain http:// to ${new URL(config.baseUrl).host}, where anyone on the network path can read it; use https://.`,
    });
  }

  const client = createPrometheusClient(options.runtime, config);
  try {
    const info = await client.getJson(BUILD_INFO_PATH, buildInfoSchema, {
      describeError: describePrometheusError('the build info request'),
    });
    findings.push(
      info.status === 'success'
        ? {
            status: 'ok',
            code: 'connected',
            message: `Reached Prometheus ${info.data?.version ?? '(version not reported)'}.`,
          }
        : {
            status: 'warning',
            code: 'build_info_unavailable',
            message: `The server answered /api/v1/status/buildinfo with an error (${info.errorType ?? 'no errorType'}); the query check below decides.`,
          },
    );
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason === 'cancelled') throw error;
    // Compatible backends (managed services, some proxies) do not all serve build info.
    if (error.reason !== 'not_found' && error.reason !== 'invalid_response') {
      return {
        ok: false,
        findings: [...findings, failure(error)],
      };
    }
    findings.push({
      status: 'warning',
      code: 'build_info_unavailable',
      message: `The server does not serve /api/v1/status/buildinfo (${error.reason}), as some Prometheus-compatible backends do not; the query check below decides.`,
    });
  }

  try {
    await runPrometheusQuery(
      client,
      { kind: 'instant', query: PROBE_QUERY, time: options.now() },
      'the probe query',
    );
    findings.push({
      status: 'ok',
      code: 'query_allowed',
      message: 'The query API answered a constant probe query with this credential.',
    });
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason === 'cancelled') throw error;
    findings.push(failure(error));
  }

  return { ok: findings.every((finding) => finding.status !== 'error'), findings };
}
