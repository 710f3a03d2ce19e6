import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@acme/evidencekit-statuspage',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
