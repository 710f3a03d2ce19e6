import type { FaultMatrixResult } from '../faults/fault-matrix-main';
import type { FootprintResult } from '../footprint/footprint-main';
import type { PeerResult } from '../peer/peer-main';
import type { ScaleResult } from '../scale/scale-main';
import type { MachineInfo } from '../shared/machine-info';
import type { TransportResult } from '../transport/transport-main';

/** A suite's figures, or why it did not produce them. */
export type SuiteOutcome<T> = T | { error: string };

/** Everything one `pnpm bench` run measured: the shape of `bench/results/latest.json`. */
export interface BenchmarkResults {
  machine: MachineInfo & { loadAverageAtStart: number[] };
  /** Packages rebuilt before measuring because their dist was stale. */
  rebuilt: string[];
  durationSeconds: number;
  p1: SuiteOutcome<TransportResult>;
  p2: SuiteOutcome<PeerResult>;
  p3: SuiteOutcome<ScaleResult>;
  p4: SuiteOutcome<FootprintResult>;
  faults: SuiteOutcome<FaultMatrixResult>;
}

/** True when the suite failed to produce figures. */
export function isSuiteError<T>(outcome: SuiteOutcome<T>): outcome is { error: string } {
  return typeof outcome === 'object' && outcome !== null && 'error' in outcome;
}
