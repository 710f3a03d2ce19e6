import { defineConnector } from '@evidencekit/core/connector';
import { checkStatuspage } from './check-statuspage';
import { collectStatuspageFacts } from './collect-statuspage-facts';
import { statuspageFacts } from './statuspage-facts';
import { statuspageSelectorSchema } from './statuspage-selector';
import { statuspageSettingsSchema } from './statuspage-settings';
import { VERSION } from './version';

/**
 * The Statuspage connector: open incidents and the status of the service's component, read
 * from a page's public API (`/api/v2`). Declared with `defineConnector`, so config, selector
 * and fact names are checked against the schemas and the catalog.
 */
export const statuspageConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'statuspage',
    displayName: 'Atlassian Statuspage',
    category: 'incidents',
    maturity: 'native-pull',
    credential: 'optional',
    scope: {
      minimum:
        'Read access to the page’s public API (/api/v2/status.json, summary.json, incidents/unresolved.json); public pages need no credential.',
      avoid:
        'Statuspage management API keys (api.statuspage.io): they can edit incidents and components, and this connector never needs them.',
    },
    facts: statuspageFacts,
    defaultMaxAgeSeconds: 300,
    documentationUrl:
      'https://github.com/evidencekit/evidencekit/tree/main/examples/custom-connector#readme',
    package: { name: '@acme/evidencekit-statuspage', version: VERSION },
  },
  configSchema: statuspageSettingsSchema,
  selectorSchema: statuspageSelectorSchema,
  doCheck: checkStatuspage,
  doCollect: collectStatuspageFacts,
});
