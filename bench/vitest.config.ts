import { definePackageTestConfig } from '../vitest.shared';

export default definePackageTestConfig(import.meta.dirname);
