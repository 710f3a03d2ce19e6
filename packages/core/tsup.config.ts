import { definePackageBuild } from '../../scripts/tsup-package-config';

// `connector` is the connector-author entry (`@evidencekit/core/connector`, src/connector.ts).
export default definePackageBuild({
  entry: { connector: 'src/connector.ts' },
  bundleIntoCommonJs: ['p-retry'],
});
