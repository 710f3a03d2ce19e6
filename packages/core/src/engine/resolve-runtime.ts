import { createRuntime, type Runtime, type RuntimeOptions } from '../runtime/create-runtime';

/**
 * The runtime for a run: a `Runtime` the host created and owns (shared across runs, closed by
 * the host), or options for one the engine creates for this run and closes at its end.
 */
export type RuntimeInput = Runtime | RuntimeOptions;

/** @deprecated Renamed to {@link RuntimeInput}, which does not read like `RuntimeOptions`. */
export type RuntimeOption = RuntimeInput;

/** The runtime for one run, and how to release it when the engine created it. */
export function resolveRuntime(option: RuntimeInput | undefined): {
  host: Runtime;
  close: () => Promise<void>;
} {
  if (option !== undefined && isRuntime(option)) return { host: option, close: async () => {} };
  const runtime = createRuntime(option);
  return { host: runtime, close: () => runtime.close() };
}

function isRuntime(option: RuntimeInput): option is Runtime {
  return typeof (option as Partial<Runtime>).bind === 'function';
}
