// Core cannot depend on @evidencekit/testing (the kit depends on core), so core's tests take
// the kit's certificate helper from its source: one recipe for every TLS test. The helper uses
// only Node built-ins and the machine's openssl.
export {
  createSelfSignedCertificate,
  type SelfSignedCertificate,
} from '../../../../testing/src/tls/create-self-signed-certificate';
