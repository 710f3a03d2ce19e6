// `@evidencekit/core`, the host entry: composed from one index per folder, each listing what
// that folder exports. Connector packages import `@evidencekit/core/connector` (connector.ts).

export * from './contract/index';
export * from './engine/index';
export * from './errors/index';
export * from './evidence/index';
export * from './gate/index';
export * from './json/index';
export * from './measurement/index';
export * from './report/index';
export * from './runtime/index';
export * from './signing/index';
export * from './threshold/index';
export { VERSION } from './version';
