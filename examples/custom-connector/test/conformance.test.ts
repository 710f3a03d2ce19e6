import { describeConnectorConformance } from '@evidencekit/testing/vitest';
import { conformanceOptions } from './conformance-options';

// The one-call suite: metadata, schemas, the happy path, every fault scenario on every primary
// route, Retry-After, aborts, the connection check and the canary secret.
describeConnectorConformance(conformanceOptions);
