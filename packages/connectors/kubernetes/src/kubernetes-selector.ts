import { z } from 'zod';
import { namespaceNameSchema, objectNameSchema } from './kubernetes-names';

/**
 * The connector-specific part of a target: one Deployment in one namespace. The namespace is
 * optional in the schema only so that a cluster-wide target (no namespace, or `'*'`) becomes
 * evidence that says `unavailable: scope` instead of a bare configuration error.
 */
export const kubernetesSelectorSchema = z.strictObject({
  namespace: namespaceNameSchema
    .or(z.literal('*'))
    .optional()
    .describe('The namespace of the Deployment. Required: cluster-wide targets are refused.'),
  deployment: objectNameSchema.describe('The Deployment name.'),
  container: objectNameSchema
    .optional()
    .describe('The container whose image digest is reported. Default: the first container.'),
});

/** A selector after validation, as `doCollect` receives it. */
export type ParsedKubernetesSelector = z.output<typeof kubernetesSelectorSchema>;

/** @deprecated Renamed to {@link ParsedKubernetesSelector}; this alias goes in the next minor. */
export type KubernetesTarget = ParsedKubernetesSelector;

/** The selector of a Kubernetes target, e.g. `{ namespace: 'shop', deployment: 'api' }`. */
export type KubernetesSelector = z.input<typeof kubernetesSelectorSchema>;
