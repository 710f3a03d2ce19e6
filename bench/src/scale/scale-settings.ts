import type { MemoryProfile } from '../shared/memory-sampler';

/** The providers of P3. */
export type ScaleProvider = 'github' | 'prometheus' | 'kubernetes';

/** What the P3 collector process is told. */
export interface ScaleSettings {
  targetsPerConnector: number;
  urls: Record<ScaleProvider, string>;
  /** The runtime's per-origin budget (`rateLimits`), requests per second. */
  requestsPerSecond: Record<ScaleProvider, number>;
  connectionsPerOrigin: number;
  engineConcurrency: number;
  certificatePath: string;
}

/** What the P3 collector process measured. */
export interface ScaleRun {
  wallMs: number;
  /** Records by `connector:status`. */
  statuses: Record<string, number>;
  memory: MemoryProfile;
  /** Heap still in use after the run and a full GC: what the process really retains. */
  liveHeapAfterRunMegabytes?: number;
}
