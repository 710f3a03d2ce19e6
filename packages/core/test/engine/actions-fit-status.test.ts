import { describe, expect, it } from 'vitest';
import type { FactDefinitionV1 } from '../../src/contract/v1/connector-metadata-v1';
import { evaluateObservation, unavailableFact } from '../../src/engine/evaluate-observation';
import { PENDING_REASON_CODES, UNAVAILABLE_REASON_CODES } from '../../src/evidence/fact-reason';
import { restoringActionOf } from '../../src/evidence/restoring-action';

const rollBack = 'Roll back the release: the error rate rose with it.';
const definition: FactDefinitionV1 = {
  name: 'error_rate',
  description: 'share of failed requests',
  unit: '%',
  defaultThreshold: '< 1%',
  defaultAction: rollBack,
};

describe('actions fit the status', () => {
  it.each(UNAVAILABLE_REASON_CODES)(
    'an unavailable fact (%s) gets an action that restores the evidence, not the catalog action',
    (code) => {
      const observed = evaluateObservation(
        { name: 'error_rate', kind: 'unavailable', reason: code, message: 'it did not work' },
        definition,
      );
      const failedCollection = unavailableFact(definition, code, 'the collection failed');
      for (const fact of [observed, failedCollection]) {
        expect(fact.action).toBe(restoringActionOf(code));
        expect(fact.action).not.toBe(rollBack);
        expect(fact.action).not.toMatch(/roll ?back/i);
      }
    },
  );

  it.each(PENDING_REASON_CODES)('a pending fact (%s) is told to wait, not to roll back', (code) => {
    const fact = evaluateObservation(
      { name: 'error_rate', kind: 'pending', reason: code, message: 'running' },
      definition,
    );
    expect(fact.action).toBe(restoringActionOf(code));
    expect(fact.action).not.toMatch(/roll ?back/i);
  });

  it('unavailable because the value is impossible, or no data: restoring actions too', () => {
    const impossible = evaluateObservation(
      { name: 'error_rate', kind: 'measured', value: -1, unit: 'ratio' },
      definition,
    );
    expect(impossible.reason?.code).toBe('invalid_response');
    expect(impossible.action).toBe(restoringActionOf('invalid_response'));
    const empty = evaluateObservation({ name: 'error_rate', kind: 'empty' }, definition);
    expect(empty.action).toBe(restoringActionOf('no_data'));
  });

  it('a failed fact keeps the catalog action', () => {
    const breached = evaluateObservation(
      { name: 'error_rate', kind: 'measured', value: 0.2, unit: 'ratio' },
      definition,
    );
    expect(breached.status).toBe('failed');
    expect(breached.action).toBe(rollBack);
    const reported = evaluateObservation(
      { name: 'error_rate', kind: 'failed', reason: 'provider_failed', message: 'x', value: 'bad' },
      definition,
    );
    expect(reported.action).toBe(rollBack);
  });

  it('every reason has its own action', () => {
    const actions = [...UNAVAILABLE_REASON_CODES, ...PENDING_REASON_CODES].map(restoringActionOf);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
