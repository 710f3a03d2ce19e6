export type { CliIo, CliOutputStream } from './cli-io';
export type {
  ConnectorEntry,
  EvidencekitConfig,
  ResolvedEvidencekitConfig,
  ServiceConfig,
  ServiceTargetConfig,
} from './config/config-schema';
export { evidencekitConfigSchema } from './config/config-schema';
export { defineConfig } from './config/define-config';
export type { ExitCode } from './exit-codes';
export { EXIT_CODES } from './exit-codes';
export { runCli } from './run-cli';
export { VERSION } from './version';
