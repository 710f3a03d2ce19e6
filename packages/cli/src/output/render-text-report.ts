import type { EvidenceRecord, Fact, GateDecision } from '@evidencekit/core';
import { summaryAfterOutcome } from './decision-summary';
import { labelled } from './labelled-text';
import { renderTable } from './render-table';
import type { TerminalStyle } from './terminal-style';

/**
 * Renders records (and a decision) for people: a table of facts on a terminal, one plain line
 * per fact otherwise, each fact that is not passed followed by its reason and action, and the
 * decision last.
 */
export function renderTextReport(
  input: { records: readonly EvidenceRecord[]; decision?: GateDecision | undefined },
  options: { table: boolean; style: TerminalStyle },
): string {
  const { style } = options;
  const rows: Array<{ record: EvidenceRecord; fact: Fact }> = input.records.flatMap((record) =>
    record.facts.map((fact) => ({ record, fact })),
  );
  const sections: string[] = [];
  if (input.records.length === 0) sections.push('No evidence records.');
  else if (options.table) {
    sections.push(
      renderTable(
        ['SERVICE', 'ENVIRONMENT', 'CONNECTOR', 'FACT', 'STATUS', 'VALUE', 'THRESHOLD'],
        rows.map(({ record, fact }) => [
          record.scope.service,
          record.scope.environment,
          record.connector,
          fact.name,
          style.status(fact.status),
          fact.value ?? '',
          fact.threshold ?? '',
        ]),
      ),
    );
  } else {
    sections.push(
      rows
        .map(({ record, fact }) => {
          const measured = [
            fact.value,
            fact.threshold === undefined ? undefined : `(${fact.threshold})`,
          ]
            .filter((part) => part !== undefined)
            .join(' ');
          return `${record.scope.service}/${record.scope.environment} ${record.connector} ${fact.name}: ${fact.status}${measured === '' ? '' : ` ${measured}`}`;
        })
        .join('\n'),
    );
  }
  const problems = rows.filter(({ fact }) => fact.status !== 'passed');
  if (problems.length > 0) {
    sections.push(
      problems
        .map(({ record, fact }) => {
          const lines = [
            `${style.status(fact.status, fact.status.toUpperCase())} ${record.scope.service}/${record.scope.environment} ${record.connector} ${fact.name}`,
          ];
          if (fact.reason !== undefined)
            lines.push(`  reason: ${labelled(fact.reason.code, fact.reason.message)}`);
          if (fact.action !== undefined) lines.push(`  action: ${fact.action}`);
          return lines.join('\n');
        })
        .join('\n'),
    );
  }
  const warnings = input.records.flatMap((record) =>
    (record.warnings ?? []).map((warning) => `warning: ${record.connector}: ${warning.message}`),
  );
  if (warnings.length > 0) sections.push(warnings.join('\n'));
  if (input.decision !== undefined) {
    const decision = input.decision;
    const lines = [
      `Decision: ${style.status(decision.decision, decision.decision.toUpperCase())} — ${summaryAfterOutcome(decision)}`,
    ];
    for (const finding of decision.blocking) {
      const where = [finding.service, finding.environment].filter(Boolean).join('/');
      const what = [where, finding.connector, finding.fact].filter(Boolean).join(' ');
      const why =
        finding.reason === undefined
          ? finding.status
          : labelled(finding.reason.code, finding.reason.message);
      lines.push(`  blocking: ${what === '' ? '(run)' : what} — ${why}`);
      if (finding.action !== undefined) lines.push(`    action: ${finding.action}`);
    }
    sections.push(lines.join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
