import type { CollectOptionsV1, CollectResultV1 } from '@evidencekit/core/connector';
import { createStatuspageClient, statuspageApiUrl } from './create-statuspage-client';
import { observeComponentStatus, SUMMARY_PATH } from './observe-component-status';
import { observeOpenIncidents, UNRESOLVED_INCIDENTS_PATH } from './observe-open-incidents';
import type { StatuspageFactName } from './statuspage-facts';
import type { ParsedStatuspageSelector } from './statuspage-selector';
import type { StatuspageConfig } from './statuspage-settings';

/**
 * Observes both facts for one target, each from its own endpoint, in parallel.
 *
 * No `observedAt` is returned, so core uses the fetch time: the page's own `updated_at` says
 * when someone last changed the page, not when its status was true, and a quiet page would
 * otherwise look stale.
 */
export async function collectStatuspageFacts(
  options: CollectOptionsV1<StatuspageConfig, ParsedStatuspageSelector>,
): Promise<CollectResultV1<StatuspageFactName>> {
  const { config, selector } = options;
  const client = createStatuspageClient(options.runtime, config);
  const facts = await Promise.all([
    observeOpenIncidents(
      client,
      selector.component,
      statuspageApiUrl(config, UNRESOLVED_INCIDENTS_PATH),
      options.signal,
    ),
    observeComponentStatus(
      client,
      selector.component,
      statuspageApiUrl(config, SUMMARY_PATH),
      options.signal,
    ),
  ]);
  return { facts, providerMetadata: { component: selector.component } };
}
