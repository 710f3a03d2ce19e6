import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

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
    {
      ...shared,
      format: 'cjs',
      noExternal: options.bundleIntoCommonJs ?? [],
      esbuildPlugins: [commonJsVariants()],
    },
  ];
}

/**
 * In the CommonJS build, a relative import of `./name` resolves to `./name.cjs.ts` when that
 * file exists. It is how a module does the one thing that differs between the formats (core's
 * `load-undici` uses `createRequire(import.meta.url)` in ESM and the host's own `require` in
 * CommonJS, where `import.meta` does not exist) without a runtime check.
 */
function commonJsVariants(): EsbuildPlugin {
  return {
    name: 'evidencekit-commonjs-variants',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.path.endsWith('.cjs') || args.importer.endsWith('.cjs.ts')) return undefined;
        const variant = path.resolve(args.resolveDir, `${args.path}.cjs.ts`);
        return existsSync(variant) ? { path: variant } : undefined;
      });
    },
  };
}
