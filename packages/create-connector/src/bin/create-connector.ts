#!/usr/bin/env node
import { createTerminalPrompt } from '../prompt-answers';
import { runCreateConnector } from '../run-create-connector';

// Questions only on a terminal: piped input (CI) gets flags and defaults, never a hang.
const prompt =
  process.stdin.isTTY === true ? createTerminalPrompt(process.stdin, process.stdout) : undefined;
try {
  // exitCode, not process.exit(): pending stdout writes to a pipe must finish first.
  process.exitCode = await runCreateConnector(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ...(prompt === undefined ? {} : { ask: prompt.ask }),
  });
} finally {
  prompt?.close();
}
