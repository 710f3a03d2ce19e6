import type { UndiciModule } from './load-undici';

/**
 * Loads undici in the CommonJS build, which uses this file instead of `load-undici.ts`: the
 * module system's own `require`, so Jest and other CommonJS hosts load it through their module
 * registry (they refuse a dynamic `import()` without extra flags).
 */
export function loadUndici(): UndiciModule {
  return require('undici') as UndiciModule;
}
