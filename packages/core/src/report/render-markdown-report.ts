import type { EvidenceRecord, Fact } from '../evidence/evidence-schema';
import { rollUpStatus } from '../evidence/roll-up';
import type { GateFinding } from '../gate/gate-decision';
import { escapeMarkdownCell, escapeMarkdownInline } from './escape-markdown';
import { groupRecordsByScope } from './group-records-by-scope';
import { blockingFindingsFromRecords } from './not-passed-findings';
import { prepareReportInput, type ReportInput } from './report-input';

/** GitHub refuses issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_CHARACTER_LIMIT = 65_536;

/** Options of {@link renderMarkdownReport}. */
export interface MarkdownReportInput extends ReportInput {
  /** The headline's text before the status word; defaults to `Release evidence`. */
  title?: string;
  /**
   * The longest report to produce, in UTF-16 code units (never fewer than the characters
   * GitHub counts). Defaults to {@link GITHUB_COMMENT_CHARACTER_LIMIT}.
   */
  maxLength?: number;
}

/**
 * Renders a Markdown report for a pull-request comment: a headline with the decision (`pass`,
 * `fail` or `hold`), the blocking facts with their operator actions first, then one table of
 * facts per service and environment with freshness and warnings.
 *
 * Every piece of evidence text is escaped, so it shows literally and cannot inject markup or
 * break a table. A report over `maxLength` is cut at a line and ends with a note that says so.
 * Without a decision the headline says that no gate was evaluated and never says `pass`.
 *
 * @example
 * ```ts
 * const body = renderMarkdownReport({ records, decision, title: 'checkout-api 2.14.0' });
 * await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
 * ```
 */
export function renderMarkdownReport(input: MarkdownReportInput): string {
  const { records, decision } = prepareReportInput(input);
  const title = escapeMarkdownInline(input.title ?? 'Release evidence');
  const lines: string[] = [];

  if (decision === undefined) {
    const rolledUp = rollUpStatus(records.flatMap((record) => record.facts));
    lines.push(`## ${title}: no decision`, '');
    lines.push(
      `No release gate was evaluated. The evidence rolls up to **${rolledUp}** (${describeCounts(records)}).`,
    );
  } else {
    lines.push(`## ${title}: ${decision.decision}`, '');
    lines.push(`**Decision: ${decision.decision}.** ${escapeMarkdownInline(decision.summary)}`);
    const details = [`Evaluated at ${escapeMarkdownInline(decision.evaluatedAt)}`];
    if (decision.score !== undefined) details.push(`score ${formatScore(decision.score)}`);
    if (decision.advisory.length > 0) details.push(`${decision.advisory.length} advisory`);
    if (decision.ignored.length > 0) details.push(`${decision.ignored.length} ignored`);
    lines.push('', `${details.join('; ')}.`);
  }

  const blocking =
    decision === undefined ? blockingFindingsFromRecords(records) : decision.blocking;
  if (blocking.length > 0) {
    lines.push(
      '',
      `### ${decision === undefined ? 'Not passed' : 'Blocking'} (${blocking.length})`,
    );
    lines.push('', ...blockingTable(blocking));
  }

  if (records.length === 0) {
    lines.push('', 'No evidence records.');
  }
  for (const group of groupRecordsByScope(records)) {
    const heading = `${group.service} / ${group.environment}`;
    lines.push('', `### ${escapeMarkdownInline(heading)}`);
    const release = describeRelease(group.records);
    if (release !== undefined) lines.push('', `Release: ${release}`);
    lines.push(
      '',
      '| Status | Fact | Value | Threshold | Reason |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const record of group.records) {
      if (record.facts.length === 0) {
        lines.push(
          `| **unavailable** | ${escapeMarkdownCell(`(no facts from ${record.connector})`)} |  |  | ${escapeMarkdownCell('no_data: the connector reported no facts')} |`,
        );
      }
      for (const fact of record.facts) lines.push(factRow(record, fact));
    }
    lines.push('', `Freshness: ${group.records.map(describeFreshness).join('; ')}.`);
    const warnings = group.records.flatMap((record) =>
      (record.warnings ?? []).map(
        (warning) =>
          `- ${escapeMarkdownInline(record.connector)}: ${escapeMarkdownInline(warning.code)}: ${escapeMarkdownCell(warning.message)}`,
      ),
    );
    if (warnings.length > 0) lines.push('', 'Warnings:', '', ...warnings);
  }

  return truncateLines(lines, input.maxLength ?? GITHUB_COMMENT_CHARACTER_LIMIT);
}

function blockingTable(findings: readonly GateFinding[]): string[] {
  const rows = findings.map((finding) => {
    const fact =
      finding.fact === undefined
        ? '(gate)'
        : `${finding.fact}${finding.connector === undefined ? '' : ` (${finding.connector})`}`;
    return `| ${escapeMarkdownCell(finding.action)} | **${finding.status}** | ${escapeMarkdownCell(finding.service)} | ${escapeMarkdownCell(finding.environment)} | ${escapeMarkdownCell(fact)} | ${escapeMarkdownCell(describeReason(finding.reason))} |`;
  });
  return [
    '| Action | Status | Service | Environment | Fact | Reason |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function factRow(record: EvidenceRecord, fact: Fact): string {
  const status = fact.status === 'passed' ? 'passed' : `**${fact.status}**`;
  return `| ${status} | ${escapeMarkdownCell(`${fact.name} (${record.connector})`)} | ${escapeMarkdownCell(fact.value)} | ${escapeMarkdownCell(fact.threshold)} | ${escapeMarkdownCell(describeReason(fact.reason))} |`;
}

function describeReason(reason: { code: string; message: string } | undefined): string {
  return reason === undefined ? '' : `${reason.code}: ${reason.message}`;
}

function describeFreshness(record: EvidenceRecord): string {
  const { observedAt, maxAgeSeconds } = record.freshness;
  return `${escapeMarkdownInline(record.connector)} observed ${escapeMarkdownInline(observedAt)} (valid for ${maxAgeSeconds} s)`;
}

function describeRelease(records: readonly EvidenceRecord[]): string | undefined {
  const parts = new Set<string>();
  for (const record of records) {
    const release = record.scope.release;
    if (release === undefined) continue;
    const text = [
      release.version,
      release.commit === undefined ? undefined : `commit ${release.commit}`,
      release.artifactDigest,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    if (text !== '') parts.add(text);
  }
  return parts.size === 0 ? undefined : [...parts].map(escapeMarkdownInline).join('; ');
}

function describeCounts(records: readonly EvidenceRecord[]): string {
  const counts = { passed: 0, failed: 0, pending: 0, unavailable: 0 };
  for (const record of records) for (const fact of record.facts) counts[fact.status] += 1;
  return `${counts.failed} failed, ${counts.unavailable} unavailable, ${counts.pending} pending, ${counts.passed} passed`;
}

function formatScore(score: number): string {
  return `${Math.round(score * 1_000) / 10}%`;
}

/** Keeps whole lines while they fit, then ends with a note that names what was left off. */
function truncateLines(lines: readonly string[], maxLength: number): string {
  const full = `${lines.join('\n')}\n`;
  if (full.length <= maxLength) return full;
  const note = (omitted: number) =>
    `\n> **Truncated:** this report is ${full.length} characters, over the ${maxLength}-character limit of a comment; the last ${omitted} of ${lines.length} lines are not shown. The JSON report has all of the evidence.\n`;
  // The note's own length depends on the count only by a few digits; reserve for the widest.
  const budget = maxLength - note(lines.length).length;
  let length = 0;
  let kept = 0;
  for (const line of lines) {
    if (length + line.length + 1 > budget) break;
    length += line.length + 1;
    kept += 1;
  }
  const body = lines.slice(0, kept).join('\n');
  return `${body}\n${note(lines.length - kept)}`;
}
