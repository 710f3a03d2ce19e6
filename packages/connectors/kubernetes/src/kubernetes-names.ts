import { z } from 'zod';

// RFC 1123 label: what Kubernetes accepts as a namespace name.
const dnsLabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// RFC 1123 subdomain: what Kubernetes accepts as a Deployment name.
const dnsSubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A namespace name (an RFC 1123 label, at most 63 characters). */
export const namespaceNameSchema = z
  .string()
  .max(63)
  .regex(dnsLabelPattern, 'a namespace name: lowercase letters, digits and "-" (RFC 1123 label)');

/** A Deployment or container name (an RFC 1123 subdomain, at most 253 characters). */
export const objectNameSchema = z
  .string()
  .max(253)
  .regex(
    dnsSubdomainPattern,
    'a Kubernetes object name: lowercase letters, digits, "-" and "." (RFC 1123 subdomain)',
  );
