// The link targets a registry page cannot follow. A README is rendered away from the repository
// (on the package's page), so a relative link or image has nothing to resolve against there.

const fence = /^\s{0,3}(`{3,}|~{3,})/;
const inlineCode = /`[^`\n]*`/g;
const inlineTarget = /\]\(\s*(<[^>\n]*>|[^\s)]*)/g;
const referenceDefinition = /^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/;
const htmlTarget = /\b(?:href|src)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/gi;
// `https:`, `mailto:` … : anything with a scheme resolves on its own; `#…` stays on the page.
const selfContained = /^(?:[a-z][a-z0-9+.-]*:|#)/i;

/** Markdown with fenced code blocks blanked and inline code removed: links there are text. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let openFence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = fence.exec(line)?.[1];
    if (openFence !== undefined) {
      if (marker !== undefined && marker[0] === openFence[0] && marker.length >= openFence.length) {
        openFence = undefined;
      }
      lines.push('');
      continue;
    }
    if (marker !== undefined) {
      openFence = marker;
      lines.push('');
      continue;
    }
    lines.push(line.replace(inlineCode, ''));
  }
  return lines;
}

function unwrap(target: string): string {
  return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}

/** One link target that does not resolve on its own, with the line it is on (from 1). */
export interface RelativeLink {
  line: number;
  target: string;
}

/**
 * Every link and image target in a Markdown document that is relative (`docs/cli.md`,
 * `../../docs/cli.md`, `./logo.png`, an empty target): inline links, reference definitions and
 * HTML `href`/`src` attributes, outside code.
 */
export function findRelativeLinks(markdown: string): RelativeLink[] {
  const found: RelativeLink[] = [];
  proseLines(markdown).forEach((text, index) => {
    const targets: string[] = [];
    for (const match of text.matchAll(inlineTarget)) targets.push(unwrap(match[1] ?? ''));
    const definition = referenceDefinition.exec(text)?.[1];
    if (definition !== undefined) targets.push(unwrap(definition));
    for (const match of text.matchAll(htmlTarget)) targets.push(match[1] ?? match[2] ?? '');
    for (const target of targets) {
      if (!selfContained.test(target.trim())) found.push({ line: index + 1, target });
    }
  });
  return found;
}
