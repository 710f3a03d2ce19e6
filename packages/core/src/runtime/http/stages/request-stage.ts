import type { RawHttpResponse } from '../raw-http-response';
import type { RequestState } from '../request-state';

/** Sends a request from one stage on: the rest of the pipeline, down to the transport. */
export type SendStep = (state: RequestState) => Promise<RawHttpResponse>;

/**
 * One stage of the request pipeline, in the shape of undici's interceptors: it gets the next
 * step and returns its own. Stages are composed once per client, not per request.
 */
export interface RequestStage {
  /** The stage's name, as listed in `REQUEST_STAGE_ORDER`. */
  readonly name: string;
  wrap(next: SendStep): SendStep;
}

/** Composes `stages` around `transport`, the first stage outermost (as `Dispatcher.compose`). */
export function composeStages(stages: readonly RequestStage[], transport: SendStep): SendStep {
  let step = transport;
  for (let index = stages.length - 1; index >= 0; index--) {
    step = (stages[index] as RequestStage).wrap(step);
  }
  return step;
}
