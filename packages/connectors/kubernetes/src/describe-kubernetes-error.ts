import type { DescribeHttpError } from '@evidencekit/core/connector';
import { kubernetesStatusSchema } from './api/status-schema';

/**
 * The API server's own explanation of an error answer, for the client's `describeError`:
 * Kubernetes answers failures with a `Status` object whose `message` says exactly what was
 * refused (`deployments.apps "api" is forbidden: User "system:serviceaccount:ci:evidence"
 * cannot get resource …`). A 404 without one names `subject` when given. The reason and the
 * retry decision stay those the runtime made of the status.
 */
export function describeKubernetesError(subject?: string): DescribeHttpError {
  return (answer) => {
    const detail =
      parseStatusMessage(answer.body) ??
      (answer.status === 404 && subject !== undefined ? `${subject} not found` : undefined);
    return detail === undefined ? undefined : { detail };
  };
}

function parseStatusMessage(body: string): string | undefined {
  if (body === '') return undefined;
  try {
    const parsed = kubernetesStatusSchema.safeParse(JSON.parse(body));
    const message = parsed.success ? parsed.data.message : undefined;
    return message === undefined || message === null || message === '' ? undefined : message;
  } catch {
    // Not JSON (a proxy's page): the runtime's message stands.
    return undefined;
  }
}
