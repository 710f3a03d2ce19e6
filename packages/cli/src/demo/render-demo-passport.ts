import type { EvidenceRecord, GateDecision } from '@evidencekit/core';
import { summaryAfterOutcome } from '../output/decision-summary';
import { renderTable } from '../output/render-table';
import type { TerminalStyle } from '../output/terminal-style';
import type { DemoService } from './demo-services';

/** One service's evidence and the gate's decision on it. */
export interface DemoServiceResult {
  service: DemoService;
  records: readonly EvidenceRecord[];
  decision: GateDecision;
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

/**
 * Renders one service's release passport for people: the release, a table of every fact, and
 * the decision with each blocking fact's reason and operator action.
 */
export function renderDemoPassport(result: DemoServiceResult, style: TerminalStyle): string {
  const { service, records, decision } = result;
  const { release } = service;
  const environments = [...new Set(records.map((record) => record.scope.environment))];
  const lines = [
    style.paint(
      'bold',
      `${service.name} ${release.version} → ${environments.join(', ')}   (commit ${release.commit.slice(0, 7)}, image ${service.image}@${release.artifactDigest.slice(0, 19)}…)`,
    ),
  ];
  const rows = records.flatMap((record) =>
    record.facts.map((fact) => [
      record.connector,
      fact.name,
      style.status(fact.status),
      fact.value ?? '',
      fact.threshold ?? '',
    ]),
  );
  lines.push(
    indent(renderTable(['CONNECTOR', 'FACT', 'STATUS', 'VALUE', 'THRESHOLD'], rows), '  '),
  );
  lines.push(
    `  Decision: ${style.status(decision.decision, decision.decision.toUpperCase())} — ${summaryAfterOutcome(decision)}`,
  );
  for (const finding of decision.blocking) {
    const measured = [
      finding.value,
      finding.threshold === undefined ? undefined : `(threshold ${finding.threshold})`,
    ]
      .filter((part) => part !== undefined)
      .join(' ');
    lines.push(
      `    ${style.status(finding.status, '✗')} ${[finding.connector, finding.fact].filter(Boolean).join(' ')}: ${finding.status}${measured === '' ? '' : ` ${measured}`}`,
    );
    if (finding.reason !== undefined) lines.push(`      why:    ${finding.reason.message}`);
    if (finding.action !== undefined) lines.push(`      action: ${finding.action}`);
  }
  return `${lines.join('\n')}\n`;
}
