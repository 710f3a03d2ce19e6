import type { Threshold } from './threshold';
import { formatThresholdWord } from './threshold-word';

/**
 * Writes a threshold in its canonical text form, which `parseThreshold` reads back to an equal
 * threshold: `< 1%`, `<= 500 ms`, `> 0`, `== Healthy`, `!= "Out of sync"`,
 * `not in [Failed, Unknown]`.
 *
 * Canonical choices: one space after the operator; `%` written against the number and every
 * other unit after a space; the unit `count` left out; words quoted only when they are not
 * bare words.
 */
export function printThreshold(threshold: Threshold): string {
  switch (threshold.type) {
    case 'comparison': {
      const number = formatThresholdNumber(threshold.value);
      if (threshold.unit === 'count') return `${threshold.operator} ${number}`;
      if (threshold.unit === '%') return `${threshold.operator} ${number}%`;
      return `${threshold.operator} ${number} ${threshold.unit}`;
    }
    case 'word':
      return `${threshold.operator} ${formatThresholdWord(threshold.word)}`;
    case 'membership': {
      const words = threshold.words.map(formatThresholdWord).join(', ');
      return `${threshold.negated ? 'not in' : 'in'} [${words}]`;
    }
  }
}

/**
 * `String(number)` is the shortest text that reads back as exactly the same double (plain
 * digits, or an exponent such as `1e-7` / `1.5e+21`, both of which the grammar accepts), so
 * printed thresholds round-trip without loss. `-0` is the one value it would lose.
 */
function formatThresholdNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
