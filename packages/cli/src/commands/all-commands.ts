import type { Command } from '../command';
import { checkCommand } from './check-command';
import { collectCommand } from './collect-command';
import { demoCommand } from './demo-command';
import { detectCommand } from './detect-command';
import { explainCommand } from './explain-command';
import { gateCommand } from './gate-command';
import { ingestCommand } from './ingest-command';
import { schemaCommand } from './schema-command';
import { verifyCommand } from './verify-command';

/** Every command, in the order help lists them. */
export const ALL_COMMANDS: readonly Command[] = [
  collectCommand,
  gateCommand,
  checkCommand,
  detectCommand,
  ingestCommand,
  explainCommand,
  verifyCommand,
  schemaCommand,
  demoCommand,
];
