#!/usr/bin/env node
import { runCli } from '../run-cli';

// exitCode, not process.exit(): pending stdout writes to a pipe must finish first.
process.exitCode = await runCli(process.argv.slice(2));
