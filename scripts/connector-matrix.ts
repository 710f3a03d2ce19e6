import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyConnectorV1 } from '@evidencekit/core';

const root = path.resolve(import.meta.dirname, '..');
const connectorsDirectory = path.join(root, 'packages', 'connectors');
export const connectorMatrixPath = path.join(root, 'docs', 'connectors.md');

function isConnectorDefinition(value: unknown): value is AnyConnectorV1 {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AnyConnectorV1>;
  return candidate.specificationVersion === 'v1' && typeof candidate.metadata?.id === 'string';
}

/** Every connector definition exported by the packages under packages/connectors, by id. */
export async function loadConnectorDefinitions(): Promise<AnyConnectorV1[]> {
  const entries = await readdir(connectorsDirectory, { withFileTypes: true });
  const definitions = new Map<string, AnyConnectorV1>();
  for (const entry of entries
    .filter((candidate) => candidate.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const entryPoint = path.join(connectorsDirectory, entry.name, 'src', 'index.ts');
    const module = (await import(pathToFileURL(entryPoint).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (isConnectorDefinition(value)) definitions.set(value.metadata.id, value);
    }
  }
  return [...definitions.values()].sort((a, b) => a.metadata.id.localeCompare(b.metadata.id));
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The connector matrix as Markdown, generated from the connectors' own metadata. */
export function renderConnectorMatrix(definitions: readonly AnyConnectorV1[]): string {
  const lines = [
    '# Connector matrix',
    '',
    "<!-- Generated from each connector's metadata by `pnpm generate:connectors`; do not edit by hand. -->",
    '',
    'Each connector is its own npm package, `@evidencekit/<id>`. "Minimum scope" is the smallest',
    'credential and query scope that answers the question; "avoid" is what not to grant.',
    '',
    '| connector | package | category | maturity | credential | minimum scope | avoid | facts |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { metadata, factsFor } of definitions) {
    const facts = [
      ...metadata.facts.map((fact) => `\`${fact.name}\` (${escapeCell(fact.defaultThreshold)})`),
      ...(factsFor === undefined ? [] : ['and the facts its settings define']),
    ].join(', ');
    lines.push(
      `| ${escapeCell(metadata.displayName)} | \`${metadata.package?.name ?? metadata.id}\` | ${metadata.category} | ${metadata.maturity} | ${metadata.credential} | ${escapeCell(metadata.scope.minimum)} | ${escapeCell(metadata.scope.avoid)} | ${facts} |`,
    );
  }
  lines.push('');
  for (const { metadata, factsFor } of definitions) {
    lines.push(`## ${metadata.displayName} (\`${metadata.id}\`)`, '');
    if (factsFor !== undefined) {
      // The static catalog is what every configuration has; the rest comes from settings.
      lines.push(
        'Its catalog depends on its settings: besides the facts below, which every configuration has, it has the facts its settings define (`factsFor`).',
        '',
      );
    }
    lines.push('| fact | unit | default threshold | when empty | operator action |');
    lines.push('| --- | --- | --- | --- | --- |');
    for (const fact of metadata.facts) {
      const whenEmpty =
        fact.whenEmpty === undefined || fact.whenEmpty.status === 'unavailable'
          ? 'unavailable (no_data)'
          : `${fact.whenEmpty.status} (${fact.whenEmpty.value})`;
      lines.push(
        `| \`${fact.name}\` | ${fact.unit} | \`${escapeCell(fact.defaultThreshold)}\` | ${whenEmpty} | ${escapeCell(fact.defaultAction)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
