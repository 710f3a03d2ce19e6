import type { QueryData } from './api/query-response-schema';
import type { SeriesReduction } from './fact-readings';
import { parseSampleValue } from './parse-sample-value';

/** The one number a fact needs, read from a PromQL result. */
export type SingleValue =
  /** `timestampSeconds`: the evaluation time of the sample (the range's last point). */
  | { kind: 'value'; value: number; timestampSeconds: number; points: number }
  /** No series: the fact's empty rule applies. */
  | { kind: 'empty' }
  /** A result that cannot be one measurement; `message` says why. */
  | { kind: 'unusable'; message: string };

type Sample = readonly [number, string];

const SHOWN_SERIES = 3;

function describeLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(
    ([name, value]) => `${name}=${JSON.stringify(value)}`,
  );
  return `{${pairs.join(',')}}`;
}

function tooManySeries(
  series: readonly { metric?: Readonly<Record<string, string>> | null | undefined }[],
): SingleValue {
  const shown = series.slice(0, SHOWN_SERIES).map((item) => describeLabels(item.metric));
  const more = series.length > SHOWN_SERIES ? ', …' : '';
  return {
    kind: 'unusable',
    message: `the query returned ${series.length} series (${shown.join(', ')}${more}) where one value is needed; aggregate it in the query, e.g. with sum(…) or max(…)`,
  };
}

function notFinite(text: string): string {
  const why =
    text === 'NaN'
      ? 'a ratio or quantile over no samples is 0/0'
      : 'a division by zero, or a quantile beyond the highest bucket';
  return `the query returned ${text}, which is not a measurement (${why})`;
}

function readSample(sample: Sample): SingleValue {
  const [timestampSeconds, text] = sample;
  const parsed = parseSampleValue(text);
  if (parsed.kind === 'not_finite') return { kind: 'unusable', message: notFinite(parsed.text) };
  if (parsed.kind === 'unreadable') {
    return {
      kind: 'unusable',
      message: `the query returned ${JSON.stringify(parsed.text)}, which is not a number`,
    };
  }
  return { kind: 'value', value: parsed.value, timestampSeconds, points: 1 };
}

function reduce(values: readonly number[], reduction: SeriesReduction): number {
  switch (reduction) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'avg':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'last':
      return values.at(-1) ?? Number.NaN;
  }
}

function readSeries(samples: readonly Sample[], reduction: SeriesReduction): SingleValue {
  const last = samples.at(-1);
  if (last === undefined) return { kind: 'empty' };
  const values: number[] = [];
  for (const sample of samples) {
    const read = readSample(sample);
    if (read.kind !== 'value') {
      // One NaN point is enough to refuse: reducing around it would hide the gap.
      const at = new Date(sample[0] * 1000).toISOString();
      return read.kind === 'unusable'
        ? { kind: 'unusable', message: `${read.message}, at ${at}` }
        : read;
    }
    values.push(read.value);
  }
  return {
    kind: 'value',
    value: reduce(values, reduction),
    timestampSeconds: last[0],
    points: values.length,
  };
}

/**
 * Reads the single number a fact needs from any PromQL result type: a scalar; a vector of one
 * series; a matrix of one series, reduced over its points. Several series are refused (the
 * query must aggregate); NaN, ±Inf, strings and native histograms are refused with a message
 * that says why; no series at all is `empty`.
 *
 * @param reduction - How a matrix series' points become one number.
 */
export function readSingleValue(data: QueryData, reduction: SeriesReduction): SingleValue {
  switch (data.resultType) {
    case 'scalar':
      return readSample(data.result);
    case 'string':
      return {
        kind: 'unusable',
        message: 'the query returned a string, not a number',
      };
    case 'vector': {
      const [first, ...rest] = data.result;
      if (first === undefined) return { kind: 'empty' };
      if (rest.length > 0) return tooManySeries(data.result);
      if (first.value === null || first.value === undefined) {
        return {
          kind: 'unusable',
          message:
            'the query returned a native histogram, not a number; wrap it in histogram_quantile(…) or histogram_count(…)',
        };
      }
      return readSample(first.value);
    }
    case 'matrix': {
      const [first, ...rest] = data.result;
      if (first === undefined) return { kind: 'empty' };
      if (rest.length > 0) return tooManySeries(data.result);
      if (first.values === null || first.values === undefined) {
        return {
          kind: 'unusable',
          message:
            'the query returned native histograms, not numbers; wrap them in histogram_quantile(…) or histogram_count(…)',
        };
      }
      return readSeries(first.values, reduction);
    }
  }
}
