import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/runtime/create-runtime';
import type { Logger } from '../../../src/runtime/logger';

describe('the logger a connector gets', () => {
  it('redacts registered secrets and sensitive fields before they reach the host logger', () => {
    const lines: string[] = [];
    const capture = (level: string) => (object: Record<string, unknown>, message?: string) =>
      lines.push(`${level} ${JSON.stringify(object)} ${message ?? ''}`);
    const logger: Logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const runtime = createRuntime({ logger });
    runtime.redactor.register('s3cr3t-canary-value');
    const connectorRuntime = runtime.bind({
      connectorId: 'example',
      packageName: '@example/connector',
      packageVersion: '1.0.0',
      signal: new AbortController().signal,
    });
    connectorRuntime.logger.info(
      {
        url: 'https://api.example.test/x?access_token=abc123def456',
        authorization: 'Bearer s3cr3t-canary-value',
      },
      'called with s3cr3t-canary-value',
    );
    connectorRuntime.logger.error({ detail: 'token s3cr3t-canary-value rejected' });
    expect(lines).toHaveLength(2);
    const output = lines.join('\n');
    expect(output).not.toContain('s3cr3t-canary-value');
    expect(output).not.toContain('abc123def456');
    expect(output).toContain('info');
  });
});
