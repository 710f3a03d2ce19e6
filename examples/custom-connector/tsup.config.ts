import { definePackageBuild } from '../../scripts/tsup-package-config';

export default definePackageBuild();
