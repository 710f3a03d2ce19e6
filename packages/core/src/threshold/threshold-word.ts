/**
 * The word grammar shared by the parser, the printer and the schema. A bare word is
 * `[A-Za-z_][A-Za-z0-9_.-]*`; anything else non-empty is written as a double-quoted string in
 * which `\"` stands for `"` and `\\` for `\` (no other escapes exist).
 */

/** True for characters a bare word can start with: ASCII letters and `_`. */
export function isWordStartCharacter(character: string): boolean {
  return isAsciiLetter(character) || character === '_';
}

/** True for characters a bare word can continue with: ASCII letters, digits, `_`, `.`, `-`. */
export function isWordCharacter(character: string): boolean {
  return (
    isWordStartCharacter(character) ||
    isAsciiDigit(character) ||
    character === '.' ||
    character === '-'
  );
}

/** True for `0`-`9`. */
export function isAsciiDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

/** True for `A`-`Z` and `a`-`z`. */
export function isAsciiLetter(character: string): boolean {
  return (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z');
}

/**
 * True for C0 and C1 control characters and DEL. They are refused inside words: no provider
 * status contains them, and keeping them out keeps thresholds printable in logs and reports.
 */
export function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** True when `word` can be written without quotes. */
export function isBareWord(word: string): boolean {
  const first = word[0];
  if (first === undefined || !isWordStartCharacter(first)) return false;
  for (const character of word) {
    if (!isWordCharacter(character)) return false;
  }
  return true;
}

/** True when `word` can appear in a threshold at all: non-empty and without control characters. */
export function isValidThresholdWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let index = 0; index < word.length; index += 1) {
    if (isControlCharacter(word.charAt(index))) return false;
  }
  return true;
}

/** Writes `word` bare when the grammar allows it, quoted and escaped otherwise. */
export function formatThresholdWord(word: string): string {
  if (isBareWord(word)) return word;
  return `"${word.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
