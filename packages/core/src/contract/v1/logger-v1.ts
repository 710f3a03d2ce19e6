/**
 * The subset of a pino-compatible logger Evidencekit calls. Pass a pino logger, or anything
 * with these methods; nothing is logged unless a logger is given.
 */
export interface Logger {
  debug(object: Record<string, unknown>, message?: string): void;
  info(object: Record<string, unknown>, message?: string): void;
  warn(object: Record<string, unknown>, message?: string): void;
  error(object: Record<string, unknown>, message?: string): void;
}
