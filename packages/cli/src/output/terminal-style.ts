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
 * Colours only on a terminal, never with `noColor` (`--no-color`) or a non-empty `NO_COLOR`
 * (https://no-color.org: an empty `NO_COLOR` is as if unset); a non-empty `FORCE_COLOR` other
 * than `0` turns them on anywhere, except over `--no-color`.
 */
export function terminalStyle(
  stream: CliOutputStream,
  env: Readonly<Record<string, string | undefined>>,
  options: { noColor?: boolean } = {},
): TerminalStyle {
  const isSet = (value: string | undefined) => value !== undefined && value !== '';
  const forced = isSet(env.FORCE_COLOR) && env.FORCE_COLOR !== '0';
  const enabled =
    options.noColor !== true &&
    (forced || (stream.isTTY === true && !isSet(env.NO_COLOR) && env.TERM !== 'dumb'));
  const paint = (style: Style, text: string) =>
    enabled ? styleText(style, text, { validateStream: false }) : text;
  return {
    paint,
    status: (status, text) => paint(statusStyles[status], text ?? status),
  };
}
