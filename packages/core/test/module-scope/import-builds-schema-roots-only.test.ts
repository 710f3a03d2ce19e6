// Importing core must be cheap (issue 11, P4: a cold import under 50 ms): a host that only
// reads a config file pays for every schema built at module scope. Before the fields were
// built on first use, importing `@evidencekit/core` constructed 356 zod schemas, the evidence
// schema alone about 150; now each exported schema costs its root (object, refinement,
// description), and its fields are built when it is first used. The count runs in a fresh
// process, where nothing else has built a schema yet.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDirectory = path.resolve(import.meta.dirname, '..', '..');
const counter = path.join(import.meta.dirname, 'support', 'count-schema-constructions.mjs');

interface ConstructionCount {
  calibration: number;
  constructions: number;
  exportedSchemas: number;
  builtOnFirstUse: number;
}

async function countConstructions(entry: string): Promise<ConstructionCount> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@evidencekit/source', counter, entry],
    { cwd: packageDirectory, encoding: 'utf8' },
  );
  return JSON.parse(stdout) as ConstructionCount;
}

// A root is at most an object, a refinement or transform, and a description: four nodes
// leave room for one more wrapper, never for a schema's fields.
const NODES_PER_EXPORTED_SCHEMA = 4;

describe('importing core', () => {
  it('builds only the roots of the schemas it exports; fields are built on first use', async () => {
    const count = await countConstructions(path.join(packageDirectory, 'src', 'index.ts'));
    expect(count.calibration).toBe(1);
    expect(count.exportedSchemas).toBeGreaterThan(10);
    expect(count.constructions).toBeLessThanOrEqual(
      NODES_PER_EXPORTED_SCHEMA * count.exportedSchemas,
    );
    // The evidence schema's fields, built by its first parse: more than the whole import.
    expect(count.builtOnFirstUse).toBeGreaterThan(count.constructions);
  }, 60_000);
});
