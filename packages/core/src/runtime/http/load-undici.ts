import { createRequire } from 'node:module';

/** The undici module, as `require('undici')` returns it. */
export type UndiciModule = typeof import('undici');

/**
 * Loads undici synchronously (ESM build and sources). undici is CommonJS, so a `require` bound
 * to this file returns its exports as they are. Not `import('undici')`: a bundler would inline
 * undici into an ESM bundle, where its own `require('node:assert')` cannot run. The CommonJS
 * build replaces this file with `load-undici.cjs.ts` (see scripts/tsup-package-config.ts).
 */
export function loadUndici(): UndiciModule {
  return createRequire(import.meta.url)('undici') as UndiciModule;
}
