import { ConfigurationError } from '@evidencekit/core';
import { createJiti } from 'jiti';

/** How long a configuration module may take to load by default: 10 s. */
export const DEFAULT_CONFIG_LOAD_TIMEOUT_MS = 10_000;

const exitAttempt = Symbol('evidencekit.config.exit-attempt');

/**
 * Loads a configuration module (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`) and returns its
 * default export (`module.exports` for CommonJS), awaited when it is a promise.
 *
 * Modules load through jiti, which transpiles TypeScript and evaluates ESM and CommonJS alike,
 * so a config loads whatever the package's `"type"` is and whatever the Node.js version's type
 * stripping supports. The module runs in this process, so that configs stay ordinary code
 * (imports, `process.env`, helpers); three things are refused, each as a configuration error
 * naming the file:
 *
 * - `process.exit()`: while the module loads, `process.exit` is replaced by a function that
 *   refuses (throws), and a module that swallowed the refusal is refused all the same;
 * - loading (top-level await included) or settling the default export's promise taking more
 *   than `timeoutMs`: a top-level await that never settles would otherwise end Node with 13;
 * - a module that throws, or a default export that rejects.
 *
 * @throws ConfigurationError naming the file for each of these.
 */
export async function loadConfigModule(
  file: string,
  options: { name: string; timeoutMs: number },
): Promise<unknown> {
  const { name } = options;
  const jiti = createJiti(file, { moduleCache: false, fsCache: false, interopDefault: true });
  const originalExit = process.exit;
  let exitCode: unknown;
  let exitCalled = false;
  process.exit = ((code?: unknown) => {
    exitCalled = true;
    exitCode = code;
    throw Object.assign(new Error('process.exit() is refused while a configuration loads'), {
      [exitAttempt]: true,
    });
  }) as typeof process.exit;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        configError(
          name,
          `a module that finishes loading within ${options.timeoutMs} ms (a top-level await or the default export's promise never settled)`,
        ),
      );
    }, options.timeoutMs);
  });
  try {
    const load = async () => {
      // The default export, or `module.exports` of a CommonJS module.
      const exported: unknown = await jiti.import(file, { default: true });
      return await exported;
    };
    const config = await Promise.race([load(), timeout]);
    if (exitCalled) throw exitError(name, exitCode);
    if (config === undefined) {
      throw configError(name, 'a default export: `export default defineConfig({...})`');
    }
    return config;
  } catch (error) {
    if (ConfigurationError.isInstance(error)) throw error;
    if (exitCalled) throw exitError(name, exitCode);
    throw configError(name, 'a module that loads', describeLoadError(error), error);
  } finally {
    clearTimeout(timer);
    process.exit = originalExit;
  }
}

function exitError(name: string, code: unknown): ConfigurationError {
  return configError(
    name,
    'a module that returns its configuration; it must not end the process',
    `process.exit(${typeof code === 'number' || typeof code === 'string' ? String(code) : ''}) while loading`,
  );
}

function configError(
  name: string,
  expected: string,
  received?: string,
  cause?: unknown,
): ConfigurationError {
  return new ConfigurationError({
    issues: [{ path: name, expected, ...(received === undefined ? {} : { received }) }],
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * The first line of a load error: transpilers follow it with a frame of the source, which
 * could show a secret written in the file.
 */
function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  return firstLine.length > 300 ? `${firstLine.slice(0, 299)}…` : firstLine;
}
