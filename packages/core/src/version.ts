/** The version of `@evidencekit/core`, injected at build time. */
export const VERSION: string = __PACKAGE_VERSION__;
