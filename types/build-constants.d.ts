/** Replaced with the package's version by tsup at build time and by vitest in tests. */
declare const __PACKAGE_VERSION__: string;
