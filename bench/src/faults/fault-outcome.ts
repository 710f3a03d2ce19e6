/** What one fault scenario did to one connector route. */
export interface FaultOutcome {
  connector: string;
  /** The faulted route, or `-` for a connector without HTTP. */
  route: string;
  scenario: string;
  /** `unavailable (transient)`, `recovered`, `empty`… what the kit requires. */
  expected: string;
  /** Roll-up status of the record, or `crashed` / `skipped`. */
  status: string;
  /** `fact=status:reason` for each fact the route feeds. */
  facts: string;
  /** Real time of the run, ms (waits are virtual, see `waitedMs`). */
  wallMs: number;
  /** What the runtime would have waited (Retry-After, backoff), ms on its clock. */
  waitedMs: number;
  /** The run threw out of `collectEvidence` instead of reporting. */
  crashed: boolean;
  /** A fault that must make facts unavailable left one of them passed. */
  falsePass: boolean;
  /** The canary secret appeared in the record, an error or a log line. */
  leakedSecret: boolean;
  /** The outcome is what the kit requires (status and reason). */
  conforms: boolean;
  /** Why the scenario did not run, when skipped. */
  skipped?: string;
}
