import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  connectorMatrixPath,
  loadConnectorDefinitions,
  renderConnectorMatrix,
} from '../connector-matrix';

describe('docs/connectors.md', () => {
  it('is generated from the connectors’ metadata and up to date', async () => {
    const definitions = await loadConnectorDefinitions();
    expect(definitions.length).toBeGreaterThan(0);
    const committed = await readFile(connectorMatrixPath, 'utf8').catch(() => '');
    expect(
      committed,
      'docs/connectors.md is out of date: run `pnpm generate:connectors` and commit the result',
    ).toBe(renderConnectorMatrix(definitions));
  });
});
