import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineProject } from 'vitest/config';

// Tests run from sources: workspace packages resolve each other through this export condition
// (see `exports` in each package.json), so no build is needed before testing.
const sourceConditions = ['@evidencekit/source', 'module', 'node', 'development|production'];

/** The vitest project every workspace package uses: its name, its version constant, sources. */
export function definePackageTestConfig(packageDirectory: string) {
  const packageJson = JSON.parse(
    readFileSync(path.join(packageDirectory, 'package.json'), 'utf8'),
  ) as { name: string; version?: string };
  return defineProject({
    define: { __PACKAGE_VERSION__: JSON.stringify(packageJson.version ?? '0.0.0') },
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions } },
    test: {
      name: packageJson.name,
      root: packageDirectory,
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      environment: 'node',
      restoreMocks: true,
    },
  });
}
