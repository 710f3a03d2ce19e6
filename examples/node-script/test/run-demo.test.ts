import { evidenceRecordSchema } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/run-demo';

describe('the node-script example', () => {
  it('passes the healthy service, blocks the other with actions, and leaks no secret', async () => {
    const lines: string[] = [];
    const { records, decision } = await runDemo((line) => lines.push(line));
    expect(records).toHaveLength(2);
    for (const record of records) expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
    const byService = Object.fromEntries(records.map((record) => [record.scope.service, record]));
    expect(byService['checkout-api']?.status).toBe('passed');
    expect(byService['payments-api']?.status).toBe('failed');
    expect(decision.decision).toBe('fail');
    expect(decision.blocking.map((finding) => finding.fact)).toEqual(
      expect.arrayContaining(['error_rate', 'p95_latency', 'rollout_status']),
    );
    expect(decision.blocking.every((finding) => finding.service === 'payments-api')).toBe(true);
    const output = `${lines.join('\n')}${JSON.stringify(records)}${JSON.stringify(decision)}`;
    expect(output).not.toContain('demo-token-7f3a9c2e');
  });
});
