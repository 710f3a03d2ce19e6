import {
  ApiCallError,
  type ApiCallFailureReason,
  type DescribeHttpError,
} from '@evidencekit/core/connector';
import { errorBodySchema } from './api/error-body-schema';

/**
 * What each Prometheus `errorType` means for the fact: a query Prometheus cannot parse is a
 * configuration problem; one that timed out is a timeout; one that failed while running, or a
 * server that is shutting down or overloaded, may pass on a later try.
 */
const REASONS_BY_ERROR_TYPE: Readonly<Record<string, ApiCallFailureReason>> = {
  bad_data: 'config',
  not_acceptable: 'config',
  execution: 'transient',
  canceled: 'transient',
  unavailable: 'transient',
  internal: 'transient',
  timeout: 'timeout',
  not_found: 'not_found',
};

// Reasons the HTTP status decides better than the body: a proxy's 401, 403 or 429.
const STATUS_DECIDES = new Set<ApiCallFailureReason>([
  'auth',
  'forbidden',
  'rate_limited',
  'cancelled',
]);

/** An error body's `errorType` and `error`, as far as they could be read. */
export interface PrometheusErrorBody {
  errorType: string | undefined;
  error: string | undefined;
}

/** The fact reason of a Prometheus `errorType`, or undefined for a type it does not know. */
export function reasonOfErrorType(errorType: string | undefined): ApiCallFailureReason | undefined {
  if (errorType === undefined) return undefined;
  return Object.hasOwn(REASONS_BY_ERROR_TYPE, errorType)
    ? REASONS_BY_ERROR_TYPE[errorType]
    : undefined;
}

/**
 * Reads `errorType` and `error` from the start of an error body. The excerpt a failed call
 * keeps is cut at 1 KB, so when it is not whole JSON the two fields are read from the text;
 * Prometheus writes them before any long `data`.
 */
export function readErrorBody(excerpt: string | undefined): PrometheusErrorBody | undefined {
  if (excerpt === undefined || excerpt === '') return undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(excerpt));
    if (parsed.success) {
      return {
        errorType: parsed.data.errorType ?? undefined,
        error: parsed.data.error ?? undefined,
      };
    }
  } catch {
    // Not whole JSON: fall through to reading the fields from the text.
  }
  const errorType = /"errorType"\s*:\s*"([A-Za-z_]+)"/.exec(excerpt)?.[1];
  if (errorType === undefined) return undefined;
  const error = /"error"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(excerpt)?.[1];
  return { errorType, error };
}

function retryable(reason: ApiCallFailureReason): boolean {
  return reason === 'timeout' || reason === 'transient';
}

function describe(body: PrometheusErrorBody): string {
  const type = body.errorType ?? 'no errorType';
  return body.error === undefined || body.error === '' ? type : `${type}: ${body.error}`;
}

/**
 * Prometheus's error answers by their `errorType`, for a request's `describeError`: it says
 * more than the status (a 503 is a `timeout` when the query timed out, a 422 is `transient`
 * when the query failed while running). Mapped before the retry decision, so a reason is
 * retried only when both the status and the `errorType` say trying again may help: a 503
 * `timeout` is, a 422 `execution` is not. Answers without a Prometheus error body, and
 * statuses that decide better (a proxy's 401, 403 or 429), keep the runtime's reading.
 *
 * @param what - What was asked, for the message, e.g. `query "error_rate"`.
 */
export function describePrometheusError(what: string): DescribeHttpError {
  return (answer) => {
    const body = readErrorBody(answer.body);
    const reason = reasonOfErrorType(body?.errorType);
    if (body === undefined || reason === undefined || STATUS_DECIDES.has(answer.reason)) {
      return undefined;
    }
    return {
      reason,
      retryable: answer.retryable && retryable(reason),
      detail: `Prometheus refused ${what} (${describe(body)}).`,
    };
  };
}

/**
 * The error for an answer whose HTTP status says success but whose body says
 * `"status": "error"` (some proxies do this): it must never count as data. An unknown or
 * missing `errorType` is `invalid_response`.
 */
export function errorFromErrorEnvelope(
  body: PrometheusErrorBody,
  response: { url: string; method: string; status: number },
  what: string,
): ApiCallError {
  const reason = reasonOfErrorType(body.errorType) ?? 'invalid_response';
  return new ApiCallError({
    message: `Prometheus answered ${what} with status ${response.status} but an error body (${describe(body)}).`,
    reason,
    url: response.url,
    method: response.method,
    status: response.status,
    isRetryable: false,
  });
}
