// The address-range tables are parsed on the first classification, not when core is imported:
// parsing them once cost about 6 ms of every cold import, also for hosts that never set a
// destination policy. The IP parser is spied on to see when the tables are built.
import { describe, expect, it, vi } from 'vitest';

const parseIpAddress = vi.hoisted(() => vi.fn());
vi.mock('../../../src/runtime/http/ip-address', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/runtime/http/ip-address')>();
  parseIpAddress.mockImplementation(original.parseIpAddress);
  return { ...original, parseIpAddress };
});

describe('the address-range tables', () => {
  it('are parsed on the first classification, once', async () => {
    const { classifyAddress } = await import('../../../src/runtime/http/address-class');
    expect(parseIpAddress).not.toHaveBeenCalled();

    expect(classifyAddress('10.0.0.1')?.addressClass).toBe('private');
    // The address itself and every range of the tables.
    const firstClassification = parseIpAddress.mock.calls.length;
    expect(firstClassification).toBeGreaterThan(30);

    expect(classifyAddress('2606:4700:4700::1111')?.addressClass).toBe('public');
    // Only the address: the tables are kept.
    expect(parseIpAddress.mock.calls.length).toBe(firstClassification + 1);
  });
});
