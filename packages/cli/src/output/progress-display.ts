import type { CollectProgress } from '@evidencekit/core';
import type { CliOutputStream } from '../cli-io';

/** A progress display for a collection run. */
export interface ProgressDisplay {
  update(progress: CollectProgress): void;
  /** Removes the live line (terminal) or writes the last plain line. */
  stop(): void;
}

/**
 * When progress is shown: `auto` on a terminal only; `always` (`--progress`) on a terminal,
 * and as plain lines anywhere else; `never` not at all.
 */
export type ProgressMode = 'auto' | 'always' | 'never';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
// Plain lines: at most one a second from updates, and one every 5 s while nothing finishes,
// so a long wait in CI still shows the run is alive.
const plainLineIntervalMs = 1_000;
const plainHeartbeatMs = 5_000;

/**
 * Progress on stderr. On a terminal, a live single line redrawn in place, drawn at once when
 * the run starts and cleared at the end. Elsewhere, with `always`, plain lines (never escape
 * codes): one at the start, then periodically, then a last one. Every line is redacted.
 *
 * @param options - `total`: how many targets the run has, for the first frame.
 */
export function createProgressDisplay(
  stream: CliOutputStream,
  options: { mode: ProgressMode; redact: (text: string) => string; total?: number },
): ProgressDisplay {
  const live = stream.isTTY === true;
  if (options.mode === 'never' || (!live && options.mode === 'auto')) {
    return { update: () => {}, stop: () => {} };
  }
  const total = options.total === undefined ? '' : `/${options.total}`;
  let state = options.redact(`Collecting evidence: 0${total} done, starting`);
  if (live) return liveDisplay(stream, state, options.redact);

  let lastWrite = 0;
  let completed = 0;
  const writeLine = () => {
    stream.write(`${state}\n`);
    lastWrite = performance.now();
  };
  writeLine();
  const heartbeat = setInterval(() => {
    if (performance.now() - lastWrite >= plainHeartbeatMs) writeLine();
  }, plainHeartbeatMs);
  heartbeat.unref();
  return {
    update(progress) {
      completed = progress.completed;
      state = options.redact(describe(progress));
      if (performance.now() - lastWrite >= plainLineIntervalMs) writeLine();
    },
    stop() {
      clearInterval(heartbeat);
      stream.write(`${options.redact(`Collected evidence: ${completed}${total} done`)}\n`);
    },
  };
}

function liveDisplay(
  stream: CliOutputStream,
  initial: string,
  redact: (text: string) => string,
): ProgressDisplay {
  let frame = 0;
  let last = initial;
  const draw = () => {
    stream.write(`\r\u001b[2K${frames[frame % frames.length]} ${last}`);
  };
  // The first frame at once: a run whose first target takes long must not look stuck.
  draw();
  const timer = setInterval(() => {
    frame += 1;
    draw();
  }, 120);
  timer.unref();
  return {
    update(progress) {
      last = redact(describe(progress));
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}

function describe(progress: CollectProgress): string {
  const total = progress.total === undefined ? '' : `/${progress.total}`;
  const { record } = progress;
  return `Collecting evidence: ${progress.completed}${total} done, ${progress.running} running — ${record.scope.service}/${record.scope.environment} ${record.connector}: ${record.status ?? 'done'}`;
}
