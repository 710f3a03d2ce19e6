import { formatJson } from './source-layout';
import type { TemplateContext } from './template-context';

/**
 * `tsconfig.json`. Standalone: the repository's strict options written out, no `extends`
 * into a parent folder. In the workspace: the shared base, three folders up.
 */
export function tsconfigJson(context: TemplateContext): string {
  if (context.mode === 'workspace') {
    return `${formatJson({ extends: '../../../tsconfig.base.json', include: ['src', '../../../types'] })}\n`;
  }
  const config = {
    $schema: 'https://json.schemastore.org/tsconfig',
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023'],
      module: 'Preserve',
      moduleResolution: 'Bundler',
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      useUnknownInCatchVariables: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
      declaration: true,
    },
    include: ['src', 'test'],
  };
  return `${formatJson(config)}\n`;
}

/** `tsup.config.ts`: ESM + CommonJS + declarations, the version injected into `VERSION`. */
export function tsupConfig(context: TemplateContext): string {
  if (context.mode === 'workspace') {
    return `import { definePackageBuild } from '../../../scripts/tsup-package-config';

export default definePackageBuild();
`;
  }
  return `import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// ESM and CommonJS builds with declarations for both; src/version.ts reads the version.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
});
`;
}

/** `vitest.config.ts`: the tests under `test/`, named after the package. */
export function vitestConfig(context: TemplateContext): string {
  if (context.mode === 'workspace') {
    return `import { definePackageTestConfig } from '../../../vitest.shared.ts';

export default definePackageTestConfig(import.meta.dirname);
`;
  }
  return `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '${context.answers.packageName}',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
`;
}
