import { prepareReportInput, type ReportInput } from './report-input';

/**
 * Renders the records and the decision as pretty JSON: `{ "records": [...], "decision": ... }`,
 * with `decision` `null` when no gate was evaluated, so the shape never changes. Records keep
 * the order and key order they were given in. Ends with a newline.
 *
 * @example
 * ```ts
 * await writeFile('evidence.json', renderJsonReport({ records, decision }));
 * ```
 */
export function renderJsonReport(input: ReportInput): string {
  const { records, decision } = prepareReportInput(input);
  return `${JSON.stringify({ records, decision: decision ?? null }, null, 2)}\n`;
}
