import { ApiCallError, InvalidResponseError } from '@evidencekit/core';
import { kubernetesStatusSchema } from './api/status-schema';

/**
 * Adds the API server's own explanation to an error: Kubernetes answers failures with a
 * `Status` object whose `message` says exactly what was refused (`deployments.apps "api" is
 * forbidden: User "system:serviceaccount:ci:evidence" cannot get resource …`). The reason,
 * status and attempts stay those the runtime classified.
 */
export function withKubernetesStatus(error: unknown, subject?: string): unknown {
  if (!ApiCallError.isInstance(error) || error.status === undefined) return error;
  if (InvalidResponseError.isInstance(error)) return error;
  const status = parseStatus(error.bodyExcerpt);
  const detail =
    status?.message ??
    (error.status === 404 && subject !== undefined ? `${subject} not found` : undefined);
  if (detail === undefined || detail === null || detail === '') return error;
  const enriched = new ApiCallError({
    name: error.name,
    code: error.code,
    message: `${error.message} ${detail}`,
    reason: error.reason,
    url: error.url,
    method: error.method,
    status: error.status,
    isRetryable: error.isRetryable,
    ...(error.headers === undefined ? {} : { headers: { ...error.headers } }),
    ...(error.bodyExcerpt === undefined ? {} : { bodyExcerpt: error.bodyExcerpt }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    cause: error,
  });
  enriched.attempts = error.attempts;
  return enriched;
}

function parseStatus(bodyExcerpt: string | undefined) {
  if (bodyExcerpt === undefined) return undefined;
  try {
    const parsed = kubernetesStatusSchema.safeParse(JSON.parse(bodyExcerpt));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A truncated or non-JSON body: keep the runtime's message.
    return undefined;
  }
}
