import type { FactSource } from '../../evidence/evidence-schema';
import type {
  FailedReasonCode,
  PendingReasonCode,
  UnavailableReasonCode,
} from '../../evidence/fact-reason';
import type { MeasurementUnit } from '../../evidence/measurement-unit';

interface ObservationBase<Name extends string> {
  /** The fact this observes; must be in the connector's fact catalog. */
  name: Name;
  /** Where the data came from. URLs and queries are redacted by core before they are stored. */
  source?: FactSource;
  /** A short detail for people, appended to the reason, e.g. "failed jobs: build, lint". */
  detail?: string;
}

/**
 * What a connector saw for one fact. Connectors report observations; core turns them into
 * facts by applying the threshold, the empty-result rule and redaction, so that no connector
 * decides on its own whether something passed.
 */
export type FactObservationV1<Name extends string = string> =
  /** A number with a unit, compared with a numeric threshold. */
  | (ObservationBase<Name> & {
      kind: 'measured';
      value: number;
      unit: MeasurementUnit;
      /** How to show the value, when the default formatting of `value` and `unit` is not right. */
      display?: string;
    })
  /** A word (a status such as `success` or `Healthy`), compared with a word threshold. */
  | (ObservationBase<Name> & { kind: 'word'; value: string })
  /** The provider answered, but with nothing for this scope: the fact's empty rule applies. */
  | (ObservationBase<Name> & { kind: 'empty' })
  /** The provider is still working; the fact cannot be decided yet. */
  | (ObservationBase<Name> & {
      kind: 'pending';
      reason: PendingReasonCode;
      message: string;
      value?: string;
    })
  /** The provider itself reports a failure that no threshold needs to judge. */
  | (ObservationBase<Name> & {
      kind: 'failed';
      reason: Exclude<FailedReasonCode, 'threshold_breached'>;
      message: string;
      value: string;
    })
  /** The fact could not be established. */
  | (ObservationBase<Name> & {
      kind: 'unavailable';
      reason: UnavailableReasonCode;
      message: string;
    });
