import type { ConfiguredConnector } from '../contract/configured-connector';
import { assertSupportedConnector } from '../contract/supported-specification-versions';
import type { CheckFindingV1, CheckResultV1 } from '../contract/v1/connector-v1';
import { checkResultSchema } from './check-result-schema';
import { describeInvalidResult } from './describe-invalid-result';
import { errorToReason } from './error-to-reason';
import { bindRuntime } from './produce-record';
import { type RuntimeInput, resolveRuntime } from './resolve-runtime';
import { runConnectorCall } from './run-connector-call';
import { validateSettings } from './validate-settings';

/** Options of `checkConnector`. */
export interface CheckConnectorOptions {
  /** Deadline in milliseconds. Default 5 000: a check is meant to be fast. */
  timeoutMs?: number;
  /** Cancels the check; it then ends with an error finding. */
  signal?: AbortSignal;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** The runtime (HTTP, secrets, cache, limits); created for this call and closed when absent. */
  runtime?: RuntimeInput;
}

/** The result of `checkConnector`, with the connector it is about. */
export interface ConnectorCheck extends CheckResultV1 {
  /** The connector id. */
  connector: string;
  /** The configured instance's id. */
  instanceId: string;
  /** How long the check took, in whole milliseconds. */
  durationMs: number;
}

/**
 * Checks that a configured connector can reach its provider, that its credential works, and
 * whether the credential is broader than needed. Never throws for a provider problem: errors
 * become findings with a typed code, with secrets redacted.
 */
export async function checkConnector(
  configured: ConfiguredConnector,
  options: CheckConnectorOptions = {},
): Promise<ConnectorCheck> {
  const connector = assertSupportedConnector(configured.connector);
  const { host, close } = resolveRuntime(options.runtime);
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const finish = (result: CheckResultV1): ConnectorCheck => ({
    connector: connector.metadata.id,
    instanceId: configured.instanceId,
    ok: result.ok && result.findings.every((finding) => finding.status !== 'error'),
    findings: host.redactor.redactValue(result.findings),
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const config = validateSettings(configured);
    const result = await runConnectorCall(
      (signal) =>
        connector.doCheck({
          config,
          signal,
          now,
          runtime: bindRuntime(host, connector, signal, { failFastOnRateLimit: true }),
        }),
      {
        timeoutMs: options.timeoutMs ?? 5_000,
        signal: options.signal,
        what: `${connector.metadata.id} check`,
      },
    );
    const validated = checkResultSchema.safeParse(result);
    if (!validated.success) {
      return finish({
        ok: false,
        findings: [
          {
            status: 'error',
            code: 'connector_error',
            message: describeInvalidResult('check result', validated.error),
          },
        ],
      });
    }
    return finish(validated.data);
  } catch (error) {
    const reason = errorToReason(error, host.redactor);
    const finding: CheckFindingV1 = { status: 'error', code: reason.code, message: reason.message };
    return finish({ ok: false, findings: [finding] });
  } finally {
    await close();
  }
}
