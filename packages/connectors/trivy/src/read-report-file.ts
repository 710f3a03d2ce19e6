import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ReportProblem } from './report-problem';

/** A report file's text and when it was last written, or why it could not be read. */
export type ReportFile =
  | { ok: true; absolutePath: string; text: string; modifiedAt: Date }
  | { ok: false; absolutePath: string; problem: ReportProblem };

/**
 * Reads a report file, refusing anything above `maxReportBytes` before reading it, so a huge
 * file cannot exhaust memory. A path that does not lead to a readable file is a `config`
 * problem naming the path; an abort (the run's signal) is thrown as it is.
 */
export async function readReportFile(
  reportPath: string,
  options: { maxReportBytes: number; signal: AbortSignal },
): Promise<ReportFile> {
  const absolutePath = path.resolve(reportPath);
  const fail = (reason: ReportProblem['reason'], message: string): ReportFile => ({
    ok: false,
    absolutePath,
    problem: { reason, message },
  });
  options.signal.throwIfAborted();
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(absolutePath, 'r');
  } catch (error) {
    return fail('config', `reportPath "${reportPath}": ${describeFileError(error)}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return fail('config', `reportPath "${reportPath}" is not a file`);
    if (stats.size > options.maxReportBytes) {
      return fail(
        'invalid_response',
        `the Trivy report at "${reportPath}" is ${stats.size} bytes, more than the ${options.maxReportBytes}-byte limit (maxReportBytes)`,
      );
    }
    const text = await handle.readFile({ encoding: 'utf8', signal: options.signal });
    return { ok: true, absolutePath, text, modifiedAt: stats.mtime };
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason;
    return fail('config', `reportPath "${reportPath}": ${describeFileError(error)}`);
  } finally {
    await handle.close();
  }
}

function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file (is the Trivy step writing its report there, and does it run first?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a report file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
