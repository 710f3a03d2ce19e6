import {
  createEd25519Signer,
  createEvidenceStatement,
  type EvidenceRecord,
  type GateDecision,
  renderJsonReport,
  renderJunitReport,
  renderMarkdownReport,
  signEvidence,
} from '@evidencekit/core';
import type { CliSession } from '../cli-session';
import type { CommandArguments } from '../command';
import { stringFlag } from '../command-flags';
import { usageError } from '../errors/usage-error';
import { renderTextReport } from './render-text-report';
import type { ReportFormat } from './report-format';

/** What a report is about. */
export interface ReportContent {
  records: readonly EvidenceRecord[];
  decision?: GateDecision | undefined;
}

/**
 * Renders records and an optional decision in a format. Every format passes the session's
 * redactor to core's renderer, a second line of defence after the engine's own redaction.
 * `in-toto` signs a statement with the key `--signing-key` references.
 *
 * @param toTerminal - The report goes to a terminal (text becomes a coloured table).
 */
export async function renderReport(
  format: ReportFormat,
  content: ReportContent,
  session: CliSession,
  args: CommandArguments,
  toTerminal: boolean,
): Promise<string> {
  const { redactor } = session;
  const input = {
    records: content.records,
    ...(content.decision === undefined ? {} : { decision: content.decision }),
    redactor,
  };
  switch (format) {
    case 'text':
      return renderTextReport(content, {
        table: toTerminal,
        style: session.style(toTerminal ? session.io.stdout : { write: () => {} }),
      });
    case 'json':
      return renderJsonReport(input);
    case 'markdown':
      return renderMarkdownReport(input);
    case 'junit':
      return renderJunitReport(input);
    case 'in-toto': {
      const reference = stringFlag(args, 'signing-key');
      if (reference === undefined) {
        throw usageError(
          '--format in-toto signs the statement: pass --signing-key env:NAME or --signing-key file:PATH (an Ed25519 private key in PEM).',
        );
      }
      const privateKey = await session.secrets.resolve(reference);
      const signer = createEd25519Signer({ privateKey });
      const statement = createEvidenceStatement({
        ...input,
        generatedAt: new Date(),
      });
      const envelope = await signEvidence(statement, signer);
      return `${JSON.stringify(envelope, null, 2)}\n`;
    }
  }
}
