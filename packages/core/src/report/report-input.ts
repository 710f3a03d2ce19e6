import type { EvidenceRecord } from '../evidence/evidence-schema';
import type { GateDecision } from '../gate/gate-decision';
import type { Redactor } from '../runtime/redaction/redactor';

/** What every report renders: evidence records and, when a gate was evaluated, its decision. */
export interface ReportInput {
  /** The evidence records, already redacted by the engine. */
  records: readonly EvidenceRecord[];
  /** The gate decision over these records; absent when no gate was evaluated. */
  decision?: GateDecision;
  /**
   * A second line of defence: when given, every string in the records and the decision is
   * passed through it before rendering.
   */
  redactor?: Redactor;
}

/** The records and decision a renderer works on, after the optional redaction pass. */
export interface PreparedReportInput {
  records: readonly EvidenceRecord[];
  decision: GateDecision | undefined;
}

/** Applies the optional redactor to the records and the decision. */
export function prepareReportInput(input: ReportInput): PreparedReportInput {
  const { redactor } = input;
  if (redactor === undefined) return { records: input.records, decision: input.decision };
  return {
    records: redactor.redactValue(input.records),
    decision: input.decision === undefined ? undefined : redactor.redactValue(input.decision),
  };
}
