import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type EvidenceRecord, evidenceRecordSchema, type GateDecision } from '@evidencekit/core';
import { dataError, noInputError } from '../errors/usage-error';

/** Records (and the decision, when the file has one) read from a JSON file. */
export interface RecordsFile {
  records: EvidenceRecord[];
  decision: GateDecision | undefined;
}

/**
 * Reads evidence records from a file `collect --json` or `gate --json` wrote
 * (`{ "records": [...], "decision": ... }`), or a bare array of records. Each record is
 * validated against the evidence schema.
 *
 * @throws CliError (no input) when the file cannot be read, (data) when it is not records.
 */
export async function readRecordsFile(cwd: string, file: string): Promise<RecordsFile> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw noInputError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
      error,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw dataError(`${file} is not JSON: ${(error as Error).message}`, error);
  }
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
