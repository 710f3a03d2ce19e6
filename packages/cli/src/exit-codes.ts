/**
 * What the `evidencekit` process exits with. `gate` uses 0, 1 and 2 for its decision; the
 * others follow the BSD sysexits convention, so scripts can tell a bad invocation from a bad
 * configuration or a bug.
 */
export const EXIT_CODES = {
  /** The command did what was asked; for `gate`, the release may proceed. */
  ok: 0,
  /** `gate`: a required fact failed. `check`: a connector check failed. `verify`: invalid. */
  failed: 1,
  /** `gate`: a required fact is pending or unavailable, so the release is held. */
  hold: 2,
  /** Bad command line: unknown command or flag, missing argument (EX_USAGE). */
  usage: 64,
  /** An input file (records, envelope, payload) is not what the command reads (EX_DATAERR). */
  dataError: 65,
  /** An input file does not exist or cannot be read (EX_NOINPUT). */
  noInput: 66,
  /** An unexpected internal error: a bug, please report it (EX_SOFTWARE). */
  internal: 70,
  /** The output file cannot be written (EX_CANTCREAT). */
  cannotCreate: 73,
  /** The configuration is invalid or a connector package cannot be loaded (EX_CONFIG). */
  configuration: 78,
} as const;

/** One of the exit codes in {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
