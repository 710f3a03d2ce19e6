import { describe, expect, it } from 'vitest';
import { renderJsonReport } from '../../src/report/render-json-report';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import { decide, failedLatency, makeRecord, passedErrorRate } from './support/report-fixtures';

const records = [makeRecord({ facts: [passedErrorRate, failedLatency] })];

describe('renderJsonReport', () => {
  it('writes exactly { records, decision } as pretty JSON that parses back', () => {
    const decision = decide(records, [{ connector: 'prometheus', fact: 'error_rate' }]);
    const text = renderJsonReport({ records, decision });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "records": [');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['records', 'decision']);
    expect(parsed).toEqual({ records, decision });
  });

  it('writes decision null when no gate was evaluated, so the shape never changes', () => {
    expect(JSON.parse(renderJsonReport({ records }))).toEqual({ records, decision: null });
  });

  it('keeps the records in the order given', () => {
    const other = makeRecord({ connector: 'argocd', facts: [passedErrorRate] });
    const parsed = JSON.parse(renderJsonReport({ records: [other, ...records] }));
    expect(parsed.records.map((record: { connector: string }) => record.connector)).toEqual([
      'argocd',
      'prometheus',
    ]);
  });

  it('masks registered secrets when a redactor is given', () => {
    const redactor = createRedactor();
    redactor.register('canary-secret-value-123');
    const leaky = makeRecord({
      facts: [{ ...failedLatency, action: 'retry with canary-secret-value-123' }],
    });
    const text = renderJsonReport({ records: [leaky], redactor });
    expect(text).not.toContain('canary-secret-value-123');
    expect(text).toContain('[REDACTED]');
  });
});
