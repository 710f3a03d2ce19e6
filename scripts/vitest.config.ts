import { defineProject } from 'vitest/config';

const sourceConditions = ['@evidencekit/source', 'module', 'node', 'development|production'];

export default defineProject({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: { name: 'repository-scripts', root: import.meta.dirname, include: ['test/**/*.test.ts'] },
});
