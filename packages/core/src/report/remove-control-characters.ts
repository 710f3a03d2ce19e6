/**
 * True for characters with no place in a report: C0 controls other than tab, line feed and
 * carriage return, DEL, C1 controls, lone surrogates, and U+FFFE/U+FFFF. None has a visible
 * meaning, several make XML 1.0 ill-formed, and some let text rewrite a terminal.
 */
function isForbidden(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return true;
  // Iterating a string yields a well-formed pair as one character; a lone half stays alone.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return code === 0xfffe || code === 0xffff;
}

/** Removes characters that have no place in a report (controls, lone surrogates, U+FFFE/FFFF). */
export function removeControlCharacters(text: string): string {
  let output = '';
  for (const character of text) if (!isForbidden(character)) output += character;
  return output;
}
