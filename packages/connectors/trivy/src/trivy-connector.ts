import { defineConnector } from '@evidencekit/core/connector';
import { checkTrivyReport } from './check-trivy-report';
import { collectTrivyReport } from './collect-trivy-report';
import { detectTrivy } from './detect-trivy';
import { ingestTrivyReport } from './ingest-trivy-report';
import { TRIVY_FACTS } from './trivy-facts';
import { trivySelectorSchema } from './trivy-selector';
import { trivySettingsSchema } from './trivy-settings';
import { VERSION } from './version';

/**
 * The Trivy connector: normalizes Trivy JSON reports (uploaded, or read from a file a CI step
 * wrote) into vulnerability evidence. It never runs Trivy and never calls a network API.
 */
export const trivyConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'trivy',
    displayName: 'Trivy',
    category: 'security',
    maturity: 'evidence-ingest',
    credential: 'none',
    scope: {
      minimum:
        'No credential: the JSON report of one artifact (trivy image --format json --output <file> <image>@<digest>), uploaded or readable by the host.',
      avoid:
        'Reports of a tag instead of the released digest, reports merged across images, and giving the host read access to more of the CI workspace than the report file.',
    },
    facts: TRIVY_FACTS,
    // A vulnerability database changes daily: a report older than a day may miss new CVEs.
    defaultMaxAgeSeconds: 86_400,
    documentationUrl:
      'https://github.com/evidencekit/evidencekit/tree/main/packages/connectors/trivy#readme',
    package: { name: '@evidencekit/trivy', version: VERSION },
  },
  configSchema: trivySettingsSchema,
  selectorSchema: trivySelectorSchema,
  doCheck: checkTrivyReport,
  doCollect: collectTrivyReport,
  async doIngest({ payload, payloadBytes, config, scope }) {
    return ingestTrivyReport(payload, {
      config,
      scope,
      label: 'the uploaded Trivy report',
      ...(payloadBytes === undefined ? {} : { payloadBytes }),
    });
  },
  doDetect: detectTrivy,
});
