import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';
import type { AdversarialInput } from '../../../src/runtime/redaction/text-rule';
import { TEXT_RULES } from '../../../src/runtime/redaction/text-rules';

// Inputs fed to every rule on top of its own: runs of what common quantifiers accept and
// near-misses of every shape the redactor knows.
const GENERIC_INPUTS: readonly AdversarialInput[] = [
  { repeated: 'a' },
  { repeated: 'A0' },
  { repeated: ' ' },
  { repeated: 'a@' },
  { repeated: 'a.' },
  { repeated: 'a-' },
  { repeated: 'eyJ.' },
  { repeated: 'eyJ-' },
  { prefix: 'https://', repeated: 'a' },
  { repeated: '://' },
  { repeated: ':' },
  { repeated: '=' },
  { repeated: 'a=' },
  { repeated: '&a' },
  { repeated: '%' },
  { repeated: '"' },
  { repeated: '[' },
  { repeated: '-----BEGIN ' },
  { repeated: 'Bearer ' },
  { repeated: 'token=' },
  { repeated: 'ghp_' },
  { repeated: 'a\n' },
  { repeated: REDACTED },
];

// Both sizes stay below 512 KiB: past the CPU's cache size a text costs a constant factor more
// per character, a step that says nothing about the algorithm but would fake a ratio. A
// quadratic rule is already 16 times slower at these sizes (the regular expressions this
// replaced took 0.05 s on 16 KiB and 0.9 s on 64 KiB of "a." or "eyJ-").
const SIZE = 32 * 1024;
const RUNS = 7;
const ATTEMPTS = 5;
// Linear growth gives a ratio near 4 for 4× the input; quadratic gives 16. The bound leaves room
// for noise without letting quadratic work through. Time is this thread's CPU time, so other
// processes on a shared machine do not count; small and large runs alternate, each size keeps
// its fastest run (a pause only ever adds time), and a bad ratio is measured again before it
// counts (a quadratic rule is slow every time, a pause is not). Times below the floor count as
// the floor, so that timer resolution on tiny inputs cannot fake a ratio.
const MAXIMUM_RATIO = 8;
const FLOOR_MS = 1;

function build(input: AdversarialInput, size: number): string {
  const prefix = input.prefix ?? '';
  const count = Math.max(1, Math.ceil((size - prefix.length) / input.repeated.length));
  return prefix + input.repeated.repeat(count);
}

function cpuMs(run: () => void): number {
  const start = process.threadCpuUsage();
  run();
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
}

function growth(redact: (text: string) => string, input: AdversarialInput, size: number): number {
  const small = build(input, size);
  const large = build(input, size * 4);
  redact(small); // warm up the JIT before measuring
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < ATTEMPTS && best >= MAXIMUM_RATIO; attempt += 1) {
    let fastestSmall = Number.POSITIVE_INFINITY;
    let fastestLarge = Number.POSITIVE_INFINITY;
    for (let run = 0; run < RUNS; run += 1) {
      fastestSmall = Math.min(
        fastestSmall,
        cpuMs(() => redact(small)),
      );
      fastestLarge = Math.min(
        fastestLarge,
        cpuMs(() => redact(large)),
      );
    }
    best = Math.min(best, Math.max(FLOOR_MS, fastestLarge) / Math.max(FLOOR_MS, fastestSmall));
  }
  return best;
}

const describeInput = (input: AdversarialInput) =>
  JSON.stringify(input.prefix === undefined ? input.repeated : `${input.prefix}${input.repeated}…`);

describe('every text rule runs in linear time', () => {
  it('covers every rule, each with adversarial inputs of its own', () => {
    expect(TEXT_RULES.length).toBeGreaterThanOrEqual(6);
    for (const rule of TEXT_RULES) expect(rule.adversarialInputs.length).toBeGreaterThan(0);
  });

  for (const rule of TEXT_RULES) {
    it(`${rule.description}: time(4N) / time(N) stays below ${MAXIMUM_RATIO}`, () => {
      const slow: string[] = [];
      for (const input of [...rule.adversarialInputs, ...GENERIC_INPUTS]) {
        const ratio = growth((text) => rule.redact(text, REDACTED), input, SIZE);
        if (ratio >= MAXIMUM_RATIO) slow.push(`${describeInput(input)}: ×${ratio.toFixed(1)}`);
      }
      expect(slow, 'inputs whose time grew faster than their size').toEqual([]);
    });
  }

  it('the whole redactor, with registered secrets', () => {
    const redactor = createRedactor();
    redactor.register('hunter2hunter2');
    redactor.register('abc');
    const slow: string[] = [];
    for (const input of GENERIC_INPUTS) {
      const ratio = growth((text) => redactor.redactText(text), input, SIZE);
      if (ratio >= MAXIMUM_RATIO) slow.push(`${describeInput(input)}: ×${ratio.toFixed(1)}`);
    }
    expect(slow, 'inputs whose time grew faster than their size').toEqual([]);
  });
});
