import type { Logger } from '../contract/v1/logger-v1';

// The interface is part of the connector contract; re-exported so runtime imports keep working.
export type { Logger } from '../contract/v1/logger-v1';

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
