import { type GatePolicy, parseGatePolicy } from '@evidencekit/core';

/**
 * The server's release policy. It is configuration of this host, not of a request: a caller
 * that could send its own policy could simply require nothing.
 */
export const releasePolicy: GatePolicy = parseGatePolicy({
  environments: {
    production: {
      required: [
        { connector: 'prometheus', fact: 'error_rate', threshold: '< 0.5%', key: true },
        { connector: 'prometheus', fact: 'p95_latency' },
        { connector: 'prometheus', fact: 'request_volume' },
      ],
    },
    '*': { required: [{ connector: 'prometheus', fact: 'error_rate' }] },
  },
  maxAgeSeconds: 600,
});
