import {
  type AnyConnectorV1,
  CONNECTOR_CATEGORIES,
  CONNECTOR_MATURITIES,
  describeFactCatalogProblems,
} from '@evidencekit/core';
import type { ConformanceCheckResult } from './conformance-report';

const idPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Metadata completeness, default thresholds, and the config schema's JSON Schema export. */
export function checkMetadata(connector: AnyConnectorV1): ConformanceCheckResult[] {
  const { metadata } = connector;
  const problems: string[] = [];
  const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
  if (connector.specificationVersion !== 'v1') problems.push('specificationVersion is not "v1"');
  if (blank(metadata.id) || !idPattern.test(metadata.id)) problems.push('id must be kebab-case');
  if (blank(metadata.displayName)) problems.push('displayName is empty');
  if (!(CONNECTOR_CATEGORIES as readonly string[]).includes(metadata.category)) {
    problems.push(
      `category "${metadata.category}" is not one of ${CONNECTOR_CATEGORIES.join(', ')}`,
    );
  }
  if (!(CONNECTOR_MATURITIES as readonly string[]).includes(metadata.maturity)) {
    problems.push(
      `maturity "${metadata.maturity}" is not one of ${CONNECTOR_MATURITIES.join(', ')}`,
    );
  }
  if (!['required', 'optional', 'none'].includes(metadata.credential)) {
    problems.push('credential must be required, optional or none');
  }
  if (blank(metadata.scope?.minimum)) problems.push('scope.minimum is empty');
  if (blank(metadata.scope?.avoid)) problems.push('scope.avoid is empty');
  if (!(metadata.defaultMaxAgeSeconds > 0)) problems.push('defaultMaxAgeSeconds must be positive');
  // Core's own catalog check (the one a settings-dependent catalog must pass), split so a
  // threshold that does not parse or fit its unit gets its own named check.
  const thresholdProblems: string[] = [];
  for (const problem of describeFactCatalogProblems(metadata.facts)) {
    (/^facts\[\d+\]\.defaultThreshold:/.test(problem) ? thresholdProblems : problems).push(problem);
  }
  return [
    result(
      'metadata:complete',
      problems,
      'id, names, category, maturity, credential, scope and facts are complete',
    ),
    result(
      'metadata:default-thresholds-parse',
      thresholdProblems,
      `${metadata.facts.length} default threshold(s) parse`,
    ),
    checkConfigJsonSchema(connector),
  ];
}

function checkConfigJsonSchema(connector: AnyConnectorV1): ConformanceCheckResult {
  const name = 'metadata:config-json-schema';
  try {
    const schema = connector.configSchema as { toJSONSchema?: (options?: object) => unknown };
    if (typeof schema.toJSONSchema !== 'function') {
      return {
        name,
        status: 'failed',
        message: 'configSchema is not a zod 4 schema (no toJSONSchema)',
      };
    }
    // `io: 'input'`: hosts build forms for what users type, before defaults and transforms.
    const jsonSchema = schema.toJSONSchema({ io: 'input', unrepresentable: 'throw' });
    if (typeof jsonSchema !== 'object' || jsonSchema === null) {
      return { name, status: 'failed', message: 'z.toJSONSchema returned no object' };
    }
    JSON.stringify(jsonSchema);
    return { name, status: 'passed', message: 'configSchema exports as JSON Schema' };
  } catch (error) {
    return {
      name,
      status: 'failed',
      message: `configSchema cannot be exported as JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function result(name: string, problems: string[], success: string): ConformanceCheckResult {
  return problems.length === 0
    ? { name, status: 'passed', message: success }
    : { name, status: 'failed', message: problems.join('; ') };
}
