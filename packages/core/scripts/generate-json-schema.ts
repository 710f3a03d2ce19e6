// Writes schema/evidence-v1.json from the zod evidence schema. The committed file is what hosts
// and other languages read; test/evidence/json-schema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { evidenceJsonSchemaText } from '../src/evidence/evidence-json-schema';

const outputPath = path.join(import.meta.dirname, '..', 'schema', 'evidence-v1.json');
writeFileSync(outputPath, evidenceJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), outputPath)}\n`);
