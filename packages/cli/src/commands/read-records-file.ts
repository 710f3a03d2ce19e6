import { type EvidenceRecord, evidenceRecordSchema, type GateDecision } from '@evidencekit/core';
import { dataError } from '../errors/usage-error';
import { DATA_FILE_LIMITS } from '../input/input-limits';
import { readInputJson } from '../input/read-input-file';

/** Records (and the decision, when the file has one) read from a JSON file. */
export interface RecordsFile {
  records: EvidenceRecord[];
  decision: GateDecision | undefined;
}

/**
 * Reads evidence records from a file `collect --json` or `gate --json` wrote
 * (`{ "records": [...], "decision": ... }`), or a bare array of records. Each record is
 * validated against the evidence schema. The file is read within {@link DATA_FILE_LIMITS}.
 *
 * @throws CliError (no input) when the file cannot be read, (data) past a limit or when it is
 *   not records.
 */
export async function readRecordsFile(cwd: string, file: string): Promise<RecordsFile> {
  const value = await readInputJson(cwd, file, DATA_FILE_LIMITS);
  const container = Array.isArray(value) ? { records: value } : value;
  if (
    typeof container !== 'object' ||
    container === null ||
    !Array.isArray((container as { records?: unknown }).records)
  ) {
    throw dataError(
      `${file} holds no evidence records: expected { "records": [...] } or an array of records.`,
    );
  }
  const { records: rawRecords, decision } = container as { records: unknown[]; decision?: unknown };
  const records: EvidenceRecord[] = [];
  for (const [index, raw] of rawRecords.entries()) {
    const parsed = evidenceRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [`records[${index}]`, ...(issue?.path ?? []).map(String)].join('.');
      throw dataError(`${file}: ${where}: ${issue?.message ?? 'not an evidence record'}.`);
    }
    records.push(parsed.data);
  }
  return {
    records,
    decision:
      typeof decision === 'object' && decision !== null ? (decision as GateDecision) : undefined,
  };
}
