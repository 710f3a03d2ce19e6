import type { CollectProgress } from '@evidencekit/core';
import type { CliOutputStream } from '../cli-io';

/** A progress display for a collection run. */
export interface ProgressDisplay {
  update(progress: CollectProgress): void;
  /** Removes the live line. */
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A live, single-line progress display on stderr when it is a terminal; nothing otherwise, so
 * logs and pipes stay clean. The line is redrawn in place and cleared at the end.
 */
export function createProgressDisplay(
  stream: CliOutputStream,
  options: { enabled: boolean; redact: (text: string) => string },
): ProgressDisplay {
  if (!options.enabled || stream.isTTY !== true) return { update: () => {}, stop: () => {} };
  let frame = 0;
  let last = '';
  let shown = false;
  const draw = () => {
    stream.write(`\r\u001b[2K${frames[frame % frames.length]} ${last}`);
    shown = true;
  };
  const timer = setInterval(() => {
    frame += 1;
    if (last !== '') draw();
  }, 120);
  timer.unref();
  return {
    update(progress) {
      const total = progress.total === undefined ? '' : `/${progress.total}`;
      const { record } = progress;
      last = options.redact(
        `Collecting evidence: ${progress.completed}${total} done, ${progress.running} running — ${record.scope.service}/${record.scope.environment} ${record.connector}: ${record.status ?? 'done'}`,
      );
      draw();
    },
    stop() {
      clearInterval(timer);
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
