import { mergeConfig } from 'vitest/config';
import { definePackageTestConfig } from '../../vitest.shared.ts';

// The test runs the built CLI like CI does; the CLI's global setup builds it when stale.
export default mergeConfig(definePackageTestConfig(import.meta.dirname), {
  test: {
    globalSetup: ['../../packages/cli/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
