/** Where the CLI writes: a stream with an optional terminal flag and width. */
export interface CliOutputStream {
  write(text: string): unknown;
  /** True when the stream is a terminal: tables, colours and live progress are used. */
  isTTY?: boolean;
  columns?: number;
}

/** The process the CLI runs in. `runCli` takes it so tests and hosts can run it in-process. */
export interface CliIo {
  stdout: CliOutputStream;
  stderr: CliOutputStream;
  /** Environment variables; only `env:` secret references and detection (names only) read it. */
  env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths resolve and configuration is searched. */
  cwd: string;
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
