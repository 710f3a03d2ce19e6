import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Options } from 'tsup';

interface PackageJson {
  name: string;
  version: string;
}

export interface PackageBuildOptions {
  /** Entry points besides `src/index.ts`, keyed by output name. */
  entry?: Record<string, string>;
  /**
   * ESM-only dependencies that must be bundled into the CommonJS build, because esbuild's
   * interop cannot call their default export through `require(esm)`.
   */
  bundleIntoCommonJs?: string[];
}

/** The one tsup configuration every published package builds with: ESM + CJS + declarations. */
export function definePackageBuild(options: PackageBuildOptions = {}): Options[] {
  const packageJson = JSON.parse(
    readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'),
  ) as PackageJson;
  const shared: Options = {
    entry: { index: 'src/index.ts', ...options.entry },
    dts: true,
    sourcemap: true,
    target: 'node22',
    platform: 'node',
    splitting: false,
    treeshake: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(packageJson.version) },
  };
  return [
    { ...shared, format: 'esm', clean: true },
    { ...shared, format: 'cjs', noExternal: options.bundleIntoCommonJs ?? [] },
  ];
}
