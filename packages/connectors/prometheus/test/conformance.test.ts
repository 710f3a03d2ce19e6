import { describeConnectorConformance } from '@evidencekit/testing/vitest';
import { conformanceOptions } from './conformance-options';

describeConnectorConformance(conformanceOptions);
