import { definePackageBuild } from '../../scripts/tsup-package-config';

// `vitest` is its own entry so the main entry never imports vitest.
export default definePackageBuild({ entry: { vitest: 'src/vitest/index.ts' } });
