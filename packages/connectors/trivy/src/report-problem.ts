import type { UnavailableReasonCode } from '@evidencekit/core/connector';

/**
 * Why a report could not be read: a path that cannot work is `config`; a file or payload that
 * is not a readable Trivy report is `invalid_response`. The message names what is wrong.
 */
export interface ReportProblem {
  reason: Extract<UnavailableReasonCode, 'config' | 'invalid_response'>;
  message: string;
}
