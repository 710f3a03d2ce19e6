// Replaced with the package's version by the build (tsup's `define`).
declare const __PACKAGE_VERSION__: string | undefined;

/** The version of `@acme/evidencekit-statuspage`, injected at build time. */
export const VERSION: string =
  // Running from sources (vitest, tsx) has no build step.
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-source';
