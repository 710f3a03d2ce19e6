import { gatePolicySchema, releaseSchema } from '@evidencekit/core';
import { z } from 'zod';

const instanceIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a kebab-case instance id like "prometheus" or "prometheus-eu"');

/** One configured connector instance: which package implements it and its settings. */
export const connectorEntrySchema = z
  .strictObject({
    use: z
      .string()
      .min(1)
      .describe(
        'The connector package, e.g. "@evidencekit/prometheus", or a path to a module ("./connectors/status-page.js") relative to the configuration file.',
      ),
    settings: z
      .record(z.string(), z.unknown())
      .default({})
      .describe(
        'The connector\'s settings, validated by the connector. Credentials are secret references such as "env:PROMETHEUS_TOKEN".',
      ),
  })
  .describe('A connector instance.');

/** One target of a service: a connector instance and what it should read. */
export const serviceTargetSchema = z
  .strictObject({
    connector: z.string().min(1).describe('The instance id of a connector under `connectors`.'),
    selector: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('The connector-specific part of the target (a namespace, a workflow, queries).'),
    thresholds: z
      .record(z.string(), z.string())
      .optional()
      .describe('Threshold overrides by fact name, e.g. { "error_rate": "< 0.5%" }.'),
    maxAgeSeconds: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Overrides the connector's default maximum evidence age, in seconds."),
  })
  .describe('What one connector reads for a service.');

/** One service: the environments it is released to and its targets. */
export const serviceSchema = z
  .strictObject({
    name: z.string().min(1).describe('The service name, as it appears in evidence.'),
    environments: z
      .array(z.string().min(1))
      .min(1)
      .describe('The environments evidence is collected for, e.g. ["staging", "production"].'),
    release: releaseSchema.optional(),
    targets: z.array(serviceTargetSchema).min(1).describe('What each connector reads.'),
  })
  .describe('A service and what to collect for it.');

/** Settings of the collection run. */
export const runtimeConfigSchema = z
  .strictObject({
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(64)
      .optional()
      .describe('How many targets are collected at once (default 8).'),
    timeoutMs: z
      .number()
      .int()
      .positive()
      // The longest delay a Node.js timer keeps; a longer one would fire at once.
      .max(2_147_483_647)
      .optional()
      .describe(
        'Deadline of each target, in milliseconds (default 30 000, at most 2 147 483 647).',
      ),
  })
  .describe('How collection runs.');

/** The schema of `evidencekit.config.{ts,js,json,yaml}`. */
export const evidencekitConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    workspaceId: z.string().min(1).describe('The workspace or tenant evidence belongs to.'),
    connectors: z
      .record(instanceIdSchema, connectorEntrySchema)
      .describe('Connector instances by instance id.'),
    services: z.array(serviceSchema).min(1).describe('The services evidence is collected for.'),
    policy: gatePolicySchema.optional().describe('The release gate policy `gate` evaluates.'),
    runtime: runtimeConfigSchema.optional(),
  })
  .superRefine((config, context) => {
    const instanceIds = Object.keys(config.connectors);
    for (const [serviceIndex, service] of config.services.entries()) {
      for (const [targetIndex, target] of service.targets.entries()) {
        if (instanceIds.includes(target.connector)) continue;
        context.addIssue({
          code: 'custom',
          path: ['services', serviceIndex, 'targets', targetIndex, 'connector'],
          message:
            instanceIds.length === 0
              ? `a connector instance id, but "connectors" is empty (received "${target.connector}")`
              : `one of the instance ids under "connectors" (${instanceIds.join(', ')}), received "${target.connector}"`,
        });
      }
    }
  })
  .describe('Evidencekit CLI configuration.');

/** The configuration as written in `evidencekit.config.*`. */
export type EvidencekitConfig = z.input<typeof evidencekitConfigSchema>;
/** The configuration after validation and defaults. */
export type ResolvedEvidencekitConfig = z.output<typeof evidencekitConfigSchema>;
/** One connector instance, as written. */
export type ConnectorEntry = z.input<typeof connectorEntrySchema>;
/** One service, as written. */
export type ServiceConfig = z.input<typeof serviceSchema>;
/** One target of a service, as written. */
export type ServiceTargetConfig = z.input<typeof serviceTargetSchema>;
