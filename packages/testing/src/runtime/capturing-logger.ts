import type { Logger } from '@evidencekit/core';

/** One captured log call. */
export interface CapturedLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  object: Record<string, unknown>;
  message: string | undefined;
}

/** A logger that keeps every call, so a test can search the logs (e.g. for a leaked secret). */
export interface CapturingLogger extends Logger {
  readonly entries: readonly CapturedLogEntry[];
  /** Every entry as one JSON text, for searching. */
  text(): string;
  clear(): void;
}

/** Creates a logger that captures every call instead of printing it. */
export function createCapturingLogger(): CapturingLogger {
  const entries: CapturedLogEntry[] = [];
  const capture =
    (level: CapturedLogEntry['level']) => (object: Record<string, unknown>, message?: string) => {
      entries.push({ level, object, message });
    };
  return {
    entries,
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
    text: () => entries.map((entry) => safeStringify(entry)).join('\n'),
    clear() {
      entries.length = 0;
    },
  };
}

/** JSON text of anything a logger may receive: errors keep their message, cycles are cut. */
export function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (item instanceof Error)
        return { name: item.name, message: item.message, stack: item.stack, cause: item.cause };
      if (typeof item === 'bigint') return item.toString();
      if (typeof item === 'object' && item !== null) {
        if (seen.has(item)) return '[circular]';
        seen.add(item);
      }
      return item;
    }) ?? String(value)
  );
}
