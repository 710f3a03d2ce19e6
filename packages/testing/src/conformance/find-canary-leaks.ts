import type { CanarySecret } from './canary-secret';

/** Where an output of a conformance run came from. */
export type ConformanceOutputSource = 'record' | 'error' | 'log' | 'check result';

/** One thing a conformance run produced that a host could show, store or print. */
export interface ConformanceOutput {
  /** The run it came from: a check or scenario name, e.g. `fault:timeout GET /status`. */
  run: string;
  source: ConformanceOutputSource;
  value: unknown;
}

/** A place the canary secret showed up, without the secret. */
export interface CanaryLeak {
  run: string;
  /** e.g. `record, fact open_incidents, field reason.message`. */
  where: string;
  /** e.g. `the secret in base64`. */
  form: string;
}

const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

/**
 * Every place the canary shows in `outputs`, naming the run, the output, the fact (for
 * records) and the field. Walks each value once, to a bounded depth and size; scans keys as
 * well as string values.
 */
export function findCanaryLeaks(
  canary: CanarySecret,
  outputs: readonly ConformanceOutput[],
): CanaryLeak[] {
  const leaks: CanaryLeak[] = [];
  for (const output of outputs) {
    let nodes = 0;
    const seen = new WeakSet<object>();
    const visit = (value: unknown, path: readonly string[], depth: number): void => {
      nodes += 1;
      if (nodes > MAX_NODES || depth > MAX_DEPTH) return;
      if (typeof value === 'string') {
        const form = canary.findIn(value);
        if (form !== undefined)
          leaks.push({ run: output.run, where: describe(output, path), form });
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      if (seen.has(value)) return;
      seen.add(value);
      if (value instanceof Error) {
        visit(value.message, [...path, 'message'], depth + 1);
        visit(value.stack, [...path, 'stack'], depth + 1);
        if (value.cause !== undefined) visit(value.cause, [...path, 'cause'], depth + 1);
      }
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          visit(item, [...path, `[${index}]`], depth + 1);
        });
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        const form = canary.findIn(key);
        if (form !== undefined) {
          leaks.push({ run: output.run, where: `${describe(output, path)} (a key)`, form });
        }
        visit(item, [...path, key], depth + 1);
      }
    };
    visit(output.value, [], 0);
  }
  return leaks;
}

/** One line per leak, for a check message. */
export function formatCanaryLeaks(leaks: readonly CanaryLeak[]): string {
  const shown = leaks.slice(0, 5).map((leak) => `${leak.form} in ${leak.run}: ${leak.where}`);
  const more = leaks.length > shown.length ? `; and ${leaks.length - shown.length} more` : '';
  return `${shown.join('; ')}${more}`;
}

function describe(output: ConformanceOutput, path: readonly string[]): string {
  if (output.source === 'record') return describeRecordPath(output.value, path);
  if (output.source === 'log') return describeLogPath(output.value, path);
  return [output.source, field(path)].filter((part) => part !== '').join(', ');
}

function describeRecordPath(record: unknown, path: readonly string[]): string {
  const [first, index, ...rest] = path;
  if ((first === 'facts' || first === 'warnings') && index !== undefined) {
    const item = itemAt(record, first, index);
    const label =
      first === 'facts'
        ? `fact ${String(item?.name ?? index)}`
        : `warning ${String(item?.code ?? index)}`;
    return ['record', label, field(rest)].filter((part) => part !== '').join(', ');
  }
  return ['record', field(path)].filter((part) => part !== '').join(', ');
}

function describeLogPath(entries: unknown, path: readonly string[]): string {
  const [index, part, ...rest] = path;
  const entry =
    Array.isArray(entries) && index !== undefined ? entries[Number(index.slice(1, -1))] : undefined;
  const object = (entry as { object?: Record<string, unknown> } | undefined)?.object;
  const message = (entry as { message?: unknown } | undefined)?.message;
  // The runtime logs its events (`request.start`, `retry`, …) with their type.
  const label =
    typeof object?.type === 'string' &&
    typeof message === 'string' &&
    message.startsWith('evidencekit ')
      ? `runtime event ${object.type}`
      : `log line ${JSON.stringify(typeof message === 'string' ? message.slice(0, 60) : '')}`;
  const fieldPath = part === 'object' ? rest : part === undefined ? [] : [part];
  return [label, field(fieldPath)].filter((item) => item !== '').join(', ');
}

function itemAt(
  record: unknown,
  list: 'facts' | 'warnings',
  index: string,
): Record<string, unknown> | undefined {
  const items = (record as Record<string, unknown> | null)?.[list];
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[Number(index.slice(1, -1))];
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

function field(path: readonly string[]): string {
  if (path.length === 0) return '';
  return `field ${path.map((part, index) => (part.startsWith('[') || index === 0 ? part : `.${part}`)).join('')}`;
}
