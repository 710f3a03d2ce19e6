import type { Options } from 'tsup';
import { definePackageBuild } from '../../scripts/tsup-package-config';

// The programmatic entry ships ESM and CJS like every package; the binary is ESM only.
const [esmBuild, commonJsBuild] = definePackageBuild({
  entry: { 'bin/evidencekit': 'src/bin/evidencekit.ts' },
});

const builds: Options[] = [
  { ...esmBuild, dts: { entry: { index: 'src/index.ts' } } },
  { ...commonJsBuild, entry: { index: 'src/index.ts' } },
];

export default builds;
