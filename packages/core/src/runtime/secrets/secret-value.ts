// The class is part of the connector contract (a resolver hands connectors one); it lives in
// contract/v1 and is re-exported here so runtime modules keep their import path.
export { SecretValue } from '../../contract/v1/secret-value';
