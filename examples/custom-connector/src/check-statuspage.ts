import {
  ApiCallError,
  type CheckFindingV1,
  type CheckOptionsV1,
  type CheckResultV1,
} from '@evidencekit/core/connector';
import { pageStatusSchema } from './api/page-status-schema';
import { createStatuspageClient } from './create-statuspage-client';
import type { StatuspageConfig } from './statuspage-settings';

const STATUS_PATH = 'api/v2/status.json';

/**
 * Checks the page quickly with its smallest document, `/api/v2/status.json`: the API answers
 * (with the token, when there is one) and names the page. A token sent over plain `http://`
 * is a warning. Provider errors become a finding with their typed reason.
 */
export async function checkStatuspage(
  options: CheckOptionsV1<StatuspageConfig>,
): Promise<CheckResultV1> {
  const { config } = options;
  const findings: CheckFindingV1[] = [];
  const { protocol, host } = new URL(config.pageUrl);
  if (config.token !== undefined && protocol === 'http:') {
    findings.push({
      status: 'warning',
      code: 'credential_over_plain_http',
      message: `The token is sent over plain http:// to ${host}, where anyone on the network path can read it; use https://.`,
    });
  }
  try {
    const status = await createStatuspageClient(options.runtime, config).getJson(
      STATUS_PATH,
      pageStatusSchema,
    );
    findings.push({
      status: 'ok',
      code: 'connected',
      message: `Reached the status page "${status.page.name}" (indicator: ${status.status.indicator}).`,
    });
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason === 'cancelled') throw error;
    findings.push({ status: 'error', code: error.reason, message: error.message });
  }
  return { ok: findings.every((finding) => finding.status !== 'error'), findings };
}
