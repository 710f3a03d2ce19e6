/**
 * Lays rows out in columns padded to the widest cell, with a header line. Widths count the
 * visible characters, so coloured cells line up.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? cell
          : cell + ' '.repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches terminal colour escapes
const colourEscape = /\u001b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return text.replace(colourEscape, '').length;
}
