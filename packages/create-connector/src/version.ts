/** The version of `@evidencekit/create-connector`, injected at build time. */
export const VERSION: string =
  // Replaced at build time; running from sources (tsx, vitest) has no build step.
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-source';
