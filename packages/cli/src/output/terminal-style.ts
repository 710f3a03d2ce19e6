import { styleText } from 'node:util';
import type { FactStatus, GateOutcome } from '@evidencekit/core';
import type { CliOutputStream } from '../cli-io';

type Style = Parameters<typeof styleText>[0];

/** Colours text for a terminal, or leaves it plain. */
export interface TerminalStyle {
  paint(style: Style, text: string): string;
  status(status: FactStatus | GateOutcome, text?: string): string;
}

const statusStyles: Record<FactStatus | GateOutcome, Style> = {
  passed: 'green',
  pass: 'green',
  failed: 'red',
  fail: 'red',
  pending: 'yellow',
  hold: 'yellow',
  unavailable: 'magenta',
};

/**
 * Colours only on a terminal and only when `NO_COLOR` is unset (https://no-color.org);
 * `FORCE_COLOR` turns them on anywhere.
 */
export function terminalStyle(
  stream: CliOutputStream,
  env: Readonly<Record<string, string | undefined>>,
): TerminalStyle {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const enabled =
    forced || (stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  const paint = (style: Style, text: string) =>
    enabled ? styleText(style, text, { validateStream: false }) : text;
  return {
    paint,
    status: (status, text) => paint(statusStyles[status], text ?? status),
  };
}
