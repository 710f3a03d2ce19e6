import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gatePolicySchema } from '@evidencekit/core';
import { z } from 'zod';
import type { Command } from '../command';
import { requirePositionals } from '../command-flags';
import { evidencekitConfigSchema } from '../config/config-schema';
import { usageError } from '../errors/usage-error';
import { EXIT_CODES } from '../exit-codes';

/** The schemas `schema` prints. */
export const SCHEMA_NAMES = ['evidence', 'config', 'policy'] as const;

/** `evidencekit schema <name>`: JSON Schemas for editors and host UIs. */
export const schemaCommand: Command = {
  name: 'schema',
  usage: `schema <${SCHEMA_NAMES.join('|')}>`,
  summary: 'Print a JSON Schema: evidence records (v1), the configuration, or the gate policy',
  options: {},
  optionHelp: [],
  async run(session, args) {
    const [name = ''] = requirePositionals(args, ['name'], schemaCommand.usage);
    const schema = await schemaOf(name);
    session.out(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT_CODES.ok;
  },
};

async function schemaOf(name: string): Promise<unknown> {
  switch (name) {
    case 'evidence': {
      // Resolved from this module's own install, in the ESM binary and the CommonJS entry alike.
      const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
      const file = require.resolve('@evidencekit/core/schema/evidence-v1.json');
      return JSON.parse(await readFile(file, 'utf8')) as unknown;
    }
    case 'config':
      return {
        $id: 'https://evidencekit.dev/schema/cli-config-v1.json',
        ...z.toJSONSchema(evidencekitConfigSchema, { io: 'input', unrepresentable: 'any' }),
      };
    case 'policy':
      return {
        $id: 'https://evidencekit.dev/schema/gate-policy-v1.json',
        ...z.toJSONSchema(gatePolicySchema, { io: 'input', unrepresentable: 'any' }),
      };
    default:
      throw usageError(`Unknown schema "${name}": expected one of ${SCHEMA_NAMES.join(', ')}.`);
  }
}
