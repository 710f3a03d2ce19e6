/**
 * Estimates, in one linear pass and without parsing, whether YAML text nests deeper than
 * `maxDepth`, because the YAML parser recurses per level and a few megabytes of `- - - …` or
 * `[[[…` exhaust its stack or the heap before it reports anything. It counts the two ways YAML
 * nests: flow brackets (`[`, `{`, outside quoted scalars and comments) and, per line, the
 * block indicators and indentation before the content (`- - key:` or deep indentation), where
 * every two characters are taken as one level. It errs on the side of refusing: a document
 * it passes nests at most `maxDepth` levels.
 *
 * @returns The 0-based offset where the limit is passed, or -1 when it is not.
 */
export function findYamlNestingOverflow(text: string, maxDepth: number): number {
  let flowDepth = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    // Start of a line: indentation and block indicators (`- `, `? `, `: `).
    let prefix = 0;
    while (index < length) {
      const char = text[index];
      if (char === ' ' || char === '\t') {
        prefix += 1;
        index += 1;
      } else if (
        (char === '-' || char === '?' || char === ':') &&
        (text[index + 1] === ' ' || text[index + 1] === '\t')
      ) {
        prefix += 2;
        index += 2;
      } else {
        break;
      }
      if (prefix > maxDepth * 2) return index;
    }
    // The rest of the line: flow brackets outside quotes and comments.
    let quote: string | undefined;
    let previous = ' ';
    while (index < length) {
      const char = text[index] ?? '';
      if (char === '\n') {
        index += 1;
        break;
      }
      if (quote === '"') {
        if (char === '\\') index += 1;
        else if (char === '"') quote = undefined;
      } else if (quote === "'") {
        if (char === "'") quote = undefined;
      } else if (char === '#' && (previous === ' ' || previous === '\t')) {
        const newline = text.indexOf('\n', index);
        index = newline < 0 ? length : newline;
        continue;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '[' || char === '{') {
        flowDepth += 1;
        if (flowDepth > maxDepth) return index;
      } else if ((char === ']' || char === '}') && flowDepth > 0) {
        flowDepth -= 1;
      }
      previous = char;
      index += 1;
    }
  }
  return -1;
}
