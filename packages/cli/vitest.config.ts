import { mergeConfig } from 'vitest/config';
import { definePackageTestConfig } from '../../vitest.shared.ts';

// The tests run the built binary in child processes; the global setup builds it when stale.
export default mergeConfig(definePackageTestConfig(import.meta.dirname), {
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
