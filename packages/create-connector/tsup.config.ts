import path from 'node:path';
import type { Options } from 'tsup';
import { definePackageBuild } from '../../scripts/tsup-package-config';
import { readToolVersions } from './src/tool-versions';

// The programmatic entry ships ESM and CJS like every package; the binary is ESM only. The
// versions a standalone connector is written with are read from the manifests now, so the
// published package writes the versions it was released with.
const [esmBuild, commonJsBuild] = definePackageBuild({
  entry: { 'bin/create-connector': 'src/bin/create-connector.ts' },
});
const toolVersions = {
  __EVIDENCEKIT_TOOL_VERSIONS__: JSON.stringify(
    readToolVersions(path.resolve(import.meta.dirname, '..', '..')),
  ),
};

const builds: Options[] = [
  {
    ...esmBuild,
    define: { ...esmBuild?.define, ...toolVersions },
    dts: { entry: { index: 'src/index.ts' } },
  },
  {
    ...commonJsBuild,
    define: { ...commonJsBuild?.define, ...toolVersions },
    entry: { index: 'src/index.ts' },
  },
];

export default builds;
