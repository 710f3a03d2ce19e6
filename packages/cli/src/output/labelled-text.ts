/**
 * `label: text`, unless `text` already starts with that label (a reason message that begins
 * with its own code), so no line says a word twice ("timeout: timeout: …").
 */
export function labelled(label: string, text: string): string {
  return text.toLowerCase().startsWith(`${label.toLowerCase()}:`) ? text : `${label}: ${text}`;
}
