import {
  type CollectOptionsV1,
  type CollectResultV1,
  ConfigurationError,
  type EvidenceWarning,
  type FactObservationV1,
  type FactSource,
  type HttpClient,
  type JsonValue,
  type QueryAllowlist,
  unavailableReasonOf,
} from '@evidencekit/core/connector';
import { createPrometheusAllowlist } from './create-prometheus-allowlist';
import { createPrometheusClient } from './create-prometheus-client';
import { FACT_READINGS } from './fact-readings';
import { measureFact } from './measure-fact';
import { PROMETHEUS_FACT_NAMES, type PrometheusFactName } from './prometheus-facts';
import { prometheusQueryLink } from './prometheus-query-link';
import type { ParsedPrometheusSelector } from './prometheus-selector';
import type { PrometheusConfig } from './prometheus-settings';
import { queryVariables } from './query-variables';
import { readSingleValue } from './read-single-value';
import {
  INSTANT_QUERY_PATH,
  type PrometheusQueryOutcome,
  type PrometheusQueryRequest,
  RANGE_QUERY_PATH,
  runPrometheusQuery,
} from './run-prometheus-query';

/** What one fact's query produced. */
interface FactOutcome {
  observation: FactObservationV1<PrometheusFactName>;
  /** Evaluation time of the sample, when the query returned one. */
  sampleTimeSeconds?: number;
  queryName: string;
  notes: EvidenceWarning[];
}

interface FactContext {
  client: HttpClient;
  allowlist: QueryAllowlist;
  variables: Record<string, string>;
  selector: ParsedPrometheusSelector;
  config: PrometheusConfig;
  now: Date;
}

function apiUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

function queryRequest(query: string, context: FactContext): PrometheusQueryRequest {
  const { range } = context.selector;
  if (range === undefined) return { kind: 'instant', query, time: context.now };
  return {
    kind: 'range',
    query,
    start: new Date(context.now.getTime() - range.windowSeconds * 1000),
    end: context.now,
    stepSeconds: range.stepSeconds,
  };
}

async function observeFact(name: PrometheusFactName, context: FactContext): Promise<FactOutcome> {
  const queryName = context.selector.queries?.[name] ?? name;
  let query: string;
  try {
    query = context.allowlist.render(queryName, context.variables).query;
  } catch (error) {
    // An unknown query name or a missing variable spoils this fact only.
    if (!ConfigurationError.isInstance(error)) throw error;
    return {
      observation: { name, kind: 'unavailable', reason: 'config', message: error.message },
      queryName,
      notes: [],
    };
  }
  const { range } = context.selector;
  const source: FactSource = {
    url: apiUrl(
      context.config.baseUrl,
      range === undefined ? INSTANT_QUERY_PATH : RANGE_QUERY_PATH,
    ),
    query: `${queryName}: ${query}`,
    link: prometheusQueryLink(context.config.uiUrl ?? context.config.baseUrl, query, range),
  };
  const what = `query "${queryName}"`;
  let outcome: PrometheusQueryOutcome;
  try {
    outcome = await runPrometheusQuery(context.client, queryRequest(query, context), what);
  } catch (error) {
    // One failed query spoils its own fact; a cancelled run and bugs go to the engine.
    const reason = unavailableReasonOf(error);
    if (reason === undefined) throw error;
    return {
      observation: {
        name,
        kind: 'unavailable',
        reason,
        message: (error as Error).message,
        source,
      },
      queryName,
      notes: [],
    };
  }
  const notes: EvidenceWarning[] = [
    ...outcome.warnings.map((text) => ({
      code: 'prometheus_warning',
      message: `${name}: ${text}`,
    })),
    ...outcome.infos.map((text) => ({ code: 'prometheus_info', message: `${name}: ${text}` })),
  ];
  const reading = FACT_READINGS[name];
  const single = readSingleValue(outcome.data, range?.reduction ?? reading.reduction);
  if (single.kind === 'empty') {
    return { observation: { name, kind: 'empty', source }, queryName, notes };
  }
  if (single.kind === 'unusable') {
    return {
      observation: {
        name,
        kind: 'unavailable',
        reason: 'invalid_response',
        message: `${what}: ${single.message}`,
        source,
      },
      queryName,
      notes,
    };
  }
  const measured = measureFact(name, single.value, context.now);
  return {
    observation: { ...measured, source },
    sampleTimeSeconds: single.timestampSeconds,
    queryName,
    notes,
  };
}

function uniqueNotes(outcomes: readonly FactOutcome[]): EvidenceWarning[] {
  const seen = new Set<string>();
  const notes: EvidenceWarning[] = [];
  for (const note of outcomes.flatMap((outcome) => outcome.notes)) {
    const key = `${note.code}\u0000${note.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    notes.push(note);
  }
  return notes;
}

/**
 * Observes the selected facts for one target: renders each fact's named query from the
 * allowlist with the scope's values escaped, evaluates it (instant, or over the selector's
 * range), and reads one number from the result. Each fact stands alone: a query that fails or
 * returns something unusable makes its own fact `unavailable`. `observedAt` is the oldest
 * sample time among the facts, so the record is never fresher than its stalest number.
 */
export async function collectPrometheusFacts(
  options: CollectOptionsV1<PrometheusConfig, ParsedPrometheusSelector>,
): Promise<CollectResultV1<PrometheusFactName>> {
  const { config, selector, scope } = options;
  const now = options.now();
  const context: FactContext = {
    client: createPrometheusClient(options.runtime, config),
    allowlist: createPrometheusAllowlist(config),
    variables: queryVariables(scope, selector.variables),
    selector,
    config,
    now,
  };
  const names = selector.facts ?? PROMETHEUS_FACT_NAMES;
  const outcomes = await Promise.all(names.map((name) => observeFact(name, context)));

  const sampleTimes = outcomes.flatMap((outcome) =>
    outcome.sampleTimeSeconds === undefined ? [] : [outcome.sampleTimeSeconds],
  );
  const warnings = uniqueNotes(outcomes);
  const queries: Record<string, JsonValue> = {};
  for (const outcome of outcomes) queries[outcome.observation.name] = outcome.queryName;
  return {
    ...(sampleTimes.length === 0 ? {} : { observedAt: new Date(Math.min(...sampleTimes) * 1000) }),
    facts: outcomes.map((outcome) => outcome.observation),
    ...(warnings.length === 0 ? {} : { warnings }),
    providerMetadata: {
      mode: selector.range === undefined ? 'instant' : 'range',
      evaluatedAt: now.toISOString(),
      queries,
    },
  };
}
