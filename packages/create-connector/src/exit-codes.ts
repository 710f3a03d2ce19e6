/** The exit codes of the `create-connector` command (documented in the README). */
export const EXIT_CODES = {
  /** The package was written. */
  ok: 0,
  /** Nothing was written: the folder exists and is not empty, or writing failed. */
  failed: 1,
  /** Nothing was written: a flag or answer was missing or invalid (the message names it). */
  usage: 2,
  /** Nothing was written: the prompt was closed (Ctrl-C, Ctrl-D). */
  cancelled: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
