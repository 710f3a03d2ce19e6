import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/evidence/evidence-schema';
import {
  GITHUB_COMMENT_CHARACTER_LIMIT,
  renderMarkdownReport,
} from '../../src/report/render-markdown-report';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import {
  decide,
  failedLatency,
  makeRecord,
  passedErrorRate,
  pendingRollout,
  shuffled,
  unavailableHealth,
} from './support/report-fixtures';

const prometheus = makeRecord({ facts: [passedErrorRate, failedLatency] });
const argocd = makeRecord({ connector: 'argocd', facts: [unavailableHealth] });
const rollouts = makeRecord({ connector: 'argo-rollouts', facts: [pendingRollout] });

/** Unescaped pipes: the column separators of a table row. */
function columnCount(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}

describe('renderMarkdownReport: the headline', () => {
  const cases: Array<{
    name: string;
    records: EvidenceRecord[];
    required: Array<{ connector: string; fact: string }>;
    word: string;
  }> = [
    {
      name: 'pass',
      records: [prometheus],
      required: [{ connector: 'prometheus', fact: 'error_rate' }],
      word: 'pass',
    },
    {
      name: 'fail',
      records: [prometheus],
      required: [{ connector: 'prometheus', fact: 'p95_latency' }],
      word: 'fail',
    },
    {
      name: 'hold',
      records: [rollouts],
      required: [{ connector: 'argo-rollouts', fact: 'rollout_phase' }],
      word: 'hold',
    },
  ];
  it.each(cases)('says $name with the decision and its summary', ({ records, required, word }) => {
    const decision = decide(records, required);
    const text = renderMarkdownReport({ records, decision, title: 'checkout-api 2.14.0' });
    const [headline, , summary] = text.split('\n');
    expect(headline).toBe(`## checkout-api 2.14.0: ${word}`);
    expect(summary).toContain(`**Decision: ${word}.**`);
    // Emoji-free: nothing outside the Basic Multilingual Plane and no symbol emoji.
    expect(text).not.toMatch(/[\u{1F000}-\u{1FFFF}\u2600-\u27BF]/u);
  });

  it('never says pass when no gate was evaluated, even when every fact passed', () => {
    const text = renderMarkdownReport({ records: [makeRecord({ facts: [passedErrorRate] })] });
    expect(text.split('\n')[0]).toBe('## Release evidence: no decision');
    expect(text).toContain('No release gate was evaluated');
    expect(text).not.toMatch(/: pass\b/);
  });
});

describe('renderMarkdownReport: tables', () => {
  const records = [prometheus, argocd, rollouts];
  const decision = decide(records, [
    { connector: 'prometheus', fact: 'p95_latency' },
    { connector: 'argocd', fact: 'health' },
    { connector: 'argo-rollouts', fact: 'rollout_phase' },
  ]);
  const text = renderMarkdownReport({ records, decision });
  const lines = text.split('\n');

  it('lists blocking facts before the per-scope tables, operator action first, worst first', () => {
    const blockingAt = lines.findIndex((line) => line.startsWith('### Blocking (3)'));
    const scopeAt = lines.indexOf('### checkout-api / production');
    expect(blockingAt).toBeGreaterThan(0);
    expect(scopeAt).toBeGreaterThan(blockingAt);
    expect(lines[blockingAt + 2]).toBe(
      '| Action | Status | Service | Environment | Fact | Reason |',
    );
    const rows = lines.slice(blockingAt + 4, blockingAt + 7);
    expect(rows.map((row) => /\*\*(\w+)\*\*/.exec(row)?.[1])).toEqual([
      'failed',
      'unavailable',
      'pending',
    ]);
    expect(rows[0]).toMatch(
      /^\| Find the slow endpoint in the latency dashboard before promoting\. \|/,
    );
    expect(rows[0]).toContain('threshold\\_breached: 742ms does not meet &lt; 500ms');
  });

  it('shows every fact with status, value, threshold and reason, plus freshness', () => {
    expect(text).toContain('| Status | Fact | Value | Threshold | Reason |');
    expect(text).toContain('| passed | error\\_rate (prometheus) | 0.02% | &lt; 1% |  |');
    expect(text).toContain(
      '| **unavailable** | health (argocd) |  |  | timeout: Argo CD did not answer within 10 s |',
    );
    expect(text).toContain('prometheus observed 2026-11-21T11:59:00Z (valid for 3600 s)');
  });

  it('is the same whatever order the records come in', () => {
    for (const seed of [1, 2, 3]) {
      expect(renderMarkdownReport({ records: shuffled(records, seed), decision })).toBe(text);
    }
  });

  it('lists warnings and a record without facts as unavailable', () => {
    const withWarning = makeRecord({
      facts: [],
      warnings: [{ code: 'credential_too_broad', message: 'the token can write' }],
    });
    const output = renderMarkdownReport({ records: [withWarning] });
    expect(output).toContain('- prometheus: credential\\_too\\_broad: the token can write');
    expect(output).toContain('| **unavailable** | (no facts from prometheus) |');
    expect(output).toContain('### Not passed (1)');
  });
});

describe('renderMarkdownReport: escaping', () => {
  const hostile = makeRecord({
    service: 'svc|with`ticks`',
    facts: [
      {
        ...failedLatency,
        value: 'a|b',
        reason: {
          code: 'threshold_breached',
          message: 'line one\nline two | <script>alert(1)</script> [x](http://evil) ![i](y)',
        },
        action: '`rm -rf` <img src=x onerror=alert(1)>\u0007',
      },
    ],
  });
  const text = renderMarkdownReport({ records: [hostile] });

  it('keeps every table row to its columns and on one line', () => {
    const rows = text.split('\n').filter((line) => line.startsWith('|'));
    const widths = new Set(
      rows.filter((row) => row.includes('Action')).map((row) => columnCount(row)),
    );
    expect(widths).toEqual(new Set([6]));
    for (const row of rows) {
      expect([5, 6]).toContain(columnCount(row));
      expect(row.endsWith('|')).toBe(true);
    }
  });

  it('shows HTML, links, backticks and control characters literally or not at all', () => {
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<img');
    // A link needs an unescaped `](`; the brackets arrive escaped.
    expect(text).not.toMatch(/[^\\]\]\(/);
    expect(text).toContain('\\[x\\](http://evil) \\!\\[i\\](y)');
    expect(text).not.toMatch(/[^\\]`/);
    expect(text).not.toContain('\u0007');
    expect(text).toContain('line one<br>line two \\| &lt;script&gt;');
    expect(text).toContain('### svc\\|with\\`ticks\\` / production');
  });
});

describe('renderMarkdownReport: size', () => {
  const many = Array.from({ length: 400 }, (_, index) =>
    makeRecord({
      service: `service-${String(index).padStart(3, '0')}`,
      facts: [
        passedErrorRate,
        { ...failedLatency, reason: { code: 'threshold_breached', message: 'x'.repeat(2_000) } },
      ],
    }),
  );

  it('stays within GitHub’s comment limit and says that it was cut', () => {
    const text = renderMarkdownReport({ records: many });
    expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_CHARACTER_LIMIT);
    expect(text).toMatch(
      /> \*\*Truncated:\*\* this report is \d+ characters, over the 65536-character limit/,
    );
    expect(text.startsWith('## Release evidence: no decision')).toBe(true);
  });

  it('honours a smaller limit and shortens one huge cell', () => {
    const text = renderMarkdownReport({ records: many.slice(0, 3), maxLength: 4_000 });
    expect(text.length).toBeLessThanOrEqual(4_000);
    expect(text).toContain('Truncated');
    expect(text).not.toContain('x'.repeat(600));
  });

  it('does not add a note when the report fits', () => {
    expect(renderMarkdownReport({ records: [prometheus] })).not.toContain('Truncated');
  });
});

describe('renderMarkdownReport: redaction', () => {
  it('masks registered secrets in every cell when a redactor is given', () => {
    const redactor = createRedactor();
    redactor.register('canary-secret-value-123');
    const leaky = makeRecord({
      facts: [
        {
          ...failedLatency,
          reason: { code: 'threshold_breached', message: 'token canary-secret-value-123 used' },
        },
      ],
    });
    const text = renderMarkdownReport({ records: [leaky], redactor });
    expect(text).not.toContain('canary-secret-value-123');
    expect(text).toContain('\\[REDACTED\\]');
  });
});
