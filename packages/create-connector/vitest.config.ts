import path from 'node:path';
import { mergeConfig } from 'vitest/config';
import { definePackageTestConfig } from '../../vitest.shared.ts';
import { readToolVersions } from './src/tool-versions.ts';

// Tests run from sources, so they get the versions a build would carry from the manifests.
export default mergeConfig(definePackageTestConfig(import.meta.dirname), {
  define: {
    __EVIDENCEKIT_TOOL_VERSIONS__: JSON.stringify(
      readToolVersions(path.resolve(import.meta.dirname, '..', '..')),
    ),
  },
});
