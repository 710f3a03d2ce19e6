import type { SecretInput } from '@evidencekit/core/connector';

/** How to reach one API server, resolved from the settings at call time. */
export interface ClusterConnection {
  /** The API server's base URL, e.g. `https://10.0.0.1:443`. */
  server: string;
  /** The bearer token: a reference resolved by core, or a value read from a file. */
  token: SecretInput;
  /**
   * The cluster CA (PEM), when the settings name one: the only CA the client trusts for this
   * API server (the runtime's per-client `tls.ca`).
   */
  certificateAuthority?: string;
  /** The namespace the credential belongs to (service account, kubeconfig context). */
  defaultNamespace?: string;
  /** Where the credential came from, for messages (never the credential itself). */
  description: string;
}
