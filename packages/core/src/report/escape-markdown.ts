import { removeControlCharacters } from './remove-control-characters';

/** Longest text one table cell shows; one huge message must not eat the comment's budget. */
export const MAXIMUM_CELL_LENGTH = 500;

/**
 * Escapes text for inline Markdown: HTML and Markdown syntax are shown literally, never
 * interpreted, so evidence text cannot inject a link, an image, a table column or markup into a
 * pull-request comment. Line breaks become `<br>`.
 */
export function escapeMarkdownInline(text: string): string {
  return removeControlCharacters(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\\`*_[\]~|!#]/g, (character) => `\\${character}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes text for one Markdown table cell and shortens it to {@link MAXIMUM_CELL_LENGTH}. */
export function escapeMarkdownCell(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  const shortened =
    text.length > MAXIMUM_CELL_LENGTH ? `${text.slice(0, MAXIMUM_CELL_LENGTH - 1)}…` : text;
  return escapeMarkdownInline(shortened);
}
