import {
  CONNECTOR_CATEGORIES as CORE_CATEGORIES,
  CONNECTOR_MATURITIES as CORE_MATURITIES,
} from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_CATEGORIES, CONNECTOR_MATURITIES } from '../src/index';

// The scaffold keeps its own copy of core's lists so `npm create` installs no core; a category
// added to core must show up in the prompt and the flag's check.
describe('the vocabulary', () => {
  it('has exactly core’s categories and maturities, in core’s order', () => {
    expect(CONNECTOR_CATEGORIES).toEqual(CORE_CATEGORIES);
    expect(CONNECTOR_MATURITIES).toEqual(CORE_MATURITIES);
  });
});
