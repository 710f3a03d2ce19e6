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
  return error.withDetails({ message: `${error.message} ${detail}` });
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
