// The interface is part of the connector contract (contract/v1); re-exported so runtime
// imports keep working.
export type { ConnectorRuntime } from '../contract/v1/connector-runtime-v1';
