import type { MemoryProfile } from '../shared/memory-sampler';
import type { PeerPass } from './peer-pass';

/** What one side of P2 measured in its own process. */
export interface PeerSideResult {
  side: 'evidencekit' | 'octokit';
  /** First pass, nothing cached. */
  cold: PeerPass;
  /** Second pass, in the same process right after the first. */
  warm: PeerPass;
  /** Memory of the side's process over both passes. */
  memory: MemoryProfile;
}
