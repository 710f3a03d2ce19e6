export { describeConnectorConformance } from './describe-connector-conformance';
export { useProviderMockServer } from './use-provider-mock-server';
