import type { CheckFindingV1, CheckOptionsV1, CheckResultV1 } from '@evidencekit/core/connector';
import { pullHealthEndpoint } from './collect-endpoint-health';
import type { WebhookConfig } from './webhook-settings';

// NIST SP 800-107 and RFC 2104: an HMAC key shorter than the hash output weakens it.
const MINIMUM_SECRET_LENGTH = 32;

/**
 * `doCheck`: the signing secret resolves and is long enough; the health endpoint (when
 * configured) passes the SSRF guard and answers. Errors it cannot describe (a missing secret,
 * a refused destination, a 401, a 429) propagate and the engine reports them as findings.
 */
export async function checkWebhook(options: CheckOptionsV1<WebhookConfig>): Promise<CheckResultV1> {
  const { config, runtime } = options;
  const findings: CheckFindingV1[] = [];
  if (config.secret === undefined) {
    if (Object.keys(config.facts).length > 0) {
      findings.push({
        status: 'warning',
        code: 'secret_missing',
        message:
          'facts are mapped from signed payloads but no secret is configured, so every payload will be refused; set settings.secret.',
      });
    }
  } else {
    const secret = await runtime.secrets.resolve(config.secret, { signal: options.signal });
    findings.push(
      secret.reveal().length < MINIMUM_SECRET_LENGTH
        ? {
            status: 'warning',
            code: 'secret_too_short',
            message: `the signing secret (${config.secret}) is shorter than ${MINIMUM_SECRET_LENGTH} characters; use at least 32 random bytes.`,
          }
        : {
            status: 'ok',
            code: 'secret_resolves',
            message: `the signing secret resolves from ${config.secret}.`,
          },
    );
  }
  const { health } = config;
  if (health !== undefined) {
    const response = await pullHealthEndpoint(health, { runtime });
    findings.push({
      status: 'ok',
      code: 'health_reachable',
      message: `the health endpoint answered ${response.status} through the SSRF guard.`,
    });
    if (
      health.token !== undefined &&
      health.allowInsecureHttp &&
      // The parsed scheme: `HTTP://` is plain http too.
      new URL(health.url).protocol === 'http:'
    ) {
      findings.push({
        status: 'warning',
        code: 'credential_over_plain_http',
        message:
          'the health token is sent over plain http; use https so it cannot be read in transit.',
      });
    }
    if (health.allowAddressClasses.length > 0) {
      findings.push({
        status: 'warning',
        code: 'non_public_destination_allowed',
        message: `the health pull may reach ${health.allowAddressClasses.join(', ')} addresses; allow only the class the endpoint needs, or expose the endpoint on a public address.`,
      });
    }
  }
  if (findings.length === 0) {
    findings.push({
      status: 'ok',
      code: 'manual_only',
      message:
        'no secret and no health endpoint are configured: only manual evidence can be recorded.',
    });
  }
  return { ok: findings.every((finding) => finding.status !== 'error'), findings };
}
