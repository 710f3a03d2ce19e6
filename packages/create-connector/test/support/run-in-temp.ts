import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type CreateConnectorIo, runCreateConnector } from '../../src/index';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder outside the repository, removed after the test. */
export function temporaryFolder(prefix = 'create-connector-'): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** Every file under `folder`, relative to it. */
export function filesUnder(folder: string): string[] {
  return (
    readdirSync(folder, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]
  )
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Runs the command in `cwd` with scripted answers; collects its output. */
export async function run(
  argv: readonly string[],
  options: { cwd?: string; answers?: string[] } = {},
): Promise<{ code: number; stdout: string; stderr: string; cwd: string; questions: string[] }> {
  const cwd = options.cwd ?? temporaryFolder();
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const scripted = options.answers;
  const io: CreateConnectorIo = {
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...(scripted === undefined
      ? {}
      : {
          ask: async (question: string) => {
            questions.push(question);
            const answer = scripted.shift();
            if (answer === undefined) throw new Error(`unexpected question: ${question}`);
            return answer;
          },
        }),
  };
  const code = await runCreateConnector(argv, io);
  return { code, stdout, stderr, cwd, questions };
}
