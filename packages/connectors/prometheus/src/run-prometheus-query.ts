import type { HttpClient } from '@evidencekit/core/connector';
import {
  type QueryData,
  type QueryResponse,
  queryResponseSchema,
} from './api/query-response-schema';
import { describePrometheusError, errorFromErrorEnvelope } from './describe-prometheus-error';

/** The API paths the connector reads, relative to the base URL. */
export const INSTANT_QUERY_PATH = 'api/v1/query';
/** See {@link INSTANT_QUERY_PATH}. */
export const RANGE_QUERY_PATH = 'api/v1/query_range';

/** One PromQL evaluation: at an instant, or over a range with a step. */
export type PrometheusQueryRequest =
  | { kind: 'instant'; query: string; time: Date }
  | { kind: 'range'; query: string; start: Date; end: Date; stepSeconds: number };

/** A successful evaluation: the result and the notes Prometheus attached to it. */
export interface PrometheusQueryOutcome {
  data: QueryData;
  warnings: string[];
  infos: string[];
}

/** Unix seconds with millisecond precision, as the Prometheus API takes them. */
export function toUnixSeconds(date: Date): string {
  return (date.getTime() / 1000).toFixed(3);
}

/**
 * Evaluates one PromQL query. Error bodies are mapped to typed reasons by their `errorType`,
 * and an error body that arrives with HTTP 200 is an error too, never data.
 *
 * @param what - What is asked, for messages, e.g. `query "error_rate"`.
 * @throws ApiCallError with the reason Prometheus's answer implies.
 */
export async function runPrometheusQuery(
  client: HttpClient,
  request: PrometheusQueryRequest,
  what: string,
): Promise<PrometheusQueryOutcome> {
  const path = request.kind === 'instant' ? INSTANT_QUERY_PATH : RANGE_QUERY_PATH;
  const query =
    request.kind === 'instant'
      ? { query: request.query, time: toUnixSeconds(request.time) }
      : {
          query: request.query,
          start: toUnixSeconds(request.start),
          end: toUnixSeconds(request.end),
          step: String(request.stepSeconds),
        };
  const response = await client.request<QueryResponse>({
    path,
    query,
    schema: queryResponseSchema,
    describeError: describePrometheusError(what),
  });
  const body = response.data;
  if (body.status === 'error') {
    throw errorFromErrorEnvelope(
      { errorType: body.errorType ?? undefined, error: body.error ?? undefined },
      { url: response.url, method: 'GET', status: response.status },
      what,
    );
  }
  return { data: body.data, warnings: body.warnings ?? [], infos: body.infos ?? [] };
}
