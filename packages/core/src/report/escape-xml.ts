import { removeControlCharacters } from './remove-control-characters';

/** Escapes text for an XML element's content; removes characters XML 1.0 cannot carry. */
export function escapeXmlText(text: string): string {
  return removeControlCharacters(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * Escapes text for a double-quoted XML attribute. Tabs and line breaks become character
 * references, because a parser would otherwise normalize them to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}
