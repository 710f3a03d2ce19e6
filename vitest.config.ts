import { defineConfig } from 'vitest/config';

// examples/custom-connector has a standalone config (it is what `npm create
// @evidencekit/connector` writes, and works copied out of the repository); here it also runs
// from the workspace's sources, like every other package.
const sourceConditions = ['@evidencekit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/connectors/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      '!examples/custom-connector/vitest.config.ts',
      {
        extends: './examples/custom-connector/vitest.config.ts',
        test: { name: '@acme/evidencekit-statuspage', root: './examples/custom-connector' },
        resolve: { conditions: sourceConditions },
        ssr: { resolve: { conditions: sourceConditions } },
      },
      'bench/vitest.config.{ts,mts}',
      'scripts/vitest.config.ts',
    ],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
