/** A fenced TypeScript code block of a Markdown document. */
export interface TypeScriptBlock {
  /** The line of the opening fence, from 1. */
  line: number;
  code: string;
}

const opening = /^\s{0,3}(`{3,}|~{3,})\s*(\S*)/;

/** Every ```ts / ```typescript block, in order (other languages and unlabelled blocks are skipped). */
export function typeScriptBlocks(markdown: string): TypeScriptBlock[] {
  const blocks: TypeScriptBlock[] = [];
  const lines = markdown.split('\n');
  let open: { fence: string; line: number; typescript: boolean; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const match = opening.exec(text);
    if (open === undefined) {
      if (match?.[1] === undefined) return;
      const language = (match[2] ?? '').toLowerCase();
      open = {
        fence: match[1],
        line: index + 1,
        typescript: language === 'ts' || language === 'typescript',
        body: [],
      };
      return;
    }
    const closes =
      match?.[1] !== undefined &&
      match[2] === '' &&
      match[1][0] === open.fence[0] &&
      match[1].length >= open.fence.length;
    if (!closes) {
      open.body.push(text);
      return;
    }
    if (open.typescript) blocks.push({ line: open.line, code: `${open.body.join('\n')}\n` });
    open = undefined;
  });
  return blocks;
}
