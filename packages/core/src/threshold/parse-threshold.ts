import { ThresholdSyntaxError } from '../errors/threshold-syntax-error';
import {
  isMeasurementUnit,
  MEASUREMENT_UNIT_NAMES,
  type MeasurementUnit,
} from '../evidence/measurement-unit';
import {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  isWordOperator,
} from './comparison-operator';
import type { Threshold } from './threshold';
import {
  isAsciiDigit,
  isAsciiLetter,
  isControlCharacter,
  isWordCharacter,
  isWordStartCharacter,
} from './threshold-word';

/** Longer threshold texts are refused before parsing: real thresholds are short. */
export const MAX_THRESHOLD_TEXT_LENGTH = 256;

const EXPECTED_START = 'a comparison operator (<, <=, >, >=, ==, !=), "in" or "not in"';
const EXPECTED_UNIT = `a unit (one of ${MEASUREMENT_UNIT_NAMES.join(', ')}; units are case-sensitive) or end of threshold`;
const EXPECTED_WORD = 'a word or a double-quoted string';

/**
 * Reads a threshold text into its structured form. Never evaluates anything as code.
 *
 * Grammar (whitespace is space, tab, CR or LF, and is allowed between all tokens):
 * ```text
 * threshold  = comparison | word-test | membership
 * comparison = operator number [unit]          ; no unit means `count`
 * word-test  = ("==" | "!=") word
 * membership = ["not"] "in" "[" word {"," word} "]"
 * operator   = "<" | "<=" | ">" | ">=" | "==" | "!="
 * number     = ["-"] digits ["." digits] [("e" | "E") ["+" | "-"] digits]
 * unit       = one of MEASUREMENT_UNITS, case-sensitive (`MB` is not `Mb`)
 * word       = bare-word | quoted
 * bare-word  = [A-Za-z_] {[A-Za-z0-9_.-]}
 * quoted     = '"' {character | '\"' | '\\'} '"'   ; non-empty, no control characters
 * ```
 * Exponents are accepted so that every finite number prints and reads back exactly (see
 * `printThreshold`). Texts longer than {@link MAX_THRESHOLD_TEXT_LENGTH} characters are refused.
 *
 * @throws {ThresholdSyntaxError} for any text that does not match the grammar, and only that.
 */
export function parseThreshold(text: string): Threshold {
  if (typeof text !== 'string') {
    throw new ThresholdSyntaxError({
      text: '',
      position: 0,
      expected: `a threshold text (a string), received ${text === null ? 'null' : typeof text}`,
    });
  }
  if (text.length > MAX_THRESHOLD_TEXT_LENGTH) {
    throw new ThresholdSyntaxError({
      text,
      position: MAX_THRESHOLD_TEXT_LENGTH,
      expected: `end of threshold (at most ${MAX_THRESHOLD_TEXT_LENGTH} characters)`,
    });
  }
  return new ThresholdParser(text).parse();
}

/** A single-pass, recursion-free reader over the text; each method consumes one construct. */
class ThresholdParser {
  readonly #text: string;
  #position = 0;

  constructor(text: string) {
    this.#text = text;
  }

  parse(): Threshold {
    this.#skipWhitespace();
    const threshold = isAsciiLetter(this.#peek())
      ? this.#parseMembership()
      : this.#parseComparisonOrWordTest();
    this.#skipWhitespace();
    if (this.#position < this.#text.length) this.#fail('end of threshold');
    return threshold;
  }

  #parseMembership(): Threshold {
    const keywordStart = this.#position;
    let keyword = this.#readLetters();
    const negated = keyword === 'not';
    if (negated) {
      const beforeWhitespace = this.#position;
      this.#skipWhitespace();
      if (this.#position === beforeWhitespace) this.#fail('a space, then "in"');
      const inStart = this.#position;
      keyword = this.#readLetters();
      if (keyword !== 'in') this.#fail('"in"', inStart);
    } else if (keyword !== 'in') {
      this.#fail(EXPECTED_START, keywordStart);
    }

    this.#skipWhitespace();
    if (this.#peek() !== '[') this.#fail('"[" to open the list of words');
    this.#position += 1;
    this.#skipWhitespace();
    if (this.#peek() === ']') this.#fail(`${EXPECTED_WORD} (the list cannot be empty)`);

    const words: string[] = [];
    for (;;) {
      words.push(this.#parseWord());
      this.#skipWhitespace();
      const separator = this.#peek();
      if (separator === ']') {
        this.#position += 1;
        return { type: 'membership', negated, words };
      }
      if (separator !== ',') this.#fail('"," or "]"');
      this.#position += 1;
      this.#skipWhitespace();
    }
  }

  #parseComparisonOrWordTest(): Threshold {
    const operator = this.#parseOperator();
    this.#skipWhitespace();
    const next = this.#peek();

    if (isAsciiDigit(next) || next === '-' || next === '.') {
      const value = this.#parseNumber();
      const unit = this.#parseOptionalUnit();
      return { type: 'comparison', operator, value, unit };
    }
    if (next === '"' || isWordStartCharacter(next)) {
      if (!isWordOperator(operator)) this.#fail('a number (only == and != compare words)');
      return { type: 'word', operator, word: this.#parseWord() };
    }
    return this.#fail(isWordOperator(operator) ? `a number or ${EXPECTED_WORD}` : 'a number');
  }

  #parseOperator(): ComparisonOperator {
    for (const operator of COMPARISON_OPERATORS) {
      if (this.#text.startsWith(operator, this.#position)) {
        this.#position += operator.length;
        return operator;
      }
    }
    return this.#fail(EXPECTED_START);
  }

  #parseNumber(): number {
    const start = this.#position;
    if (this.#peek() === '-') this.#position += 1;
    this.#readDigits('a digit');
    if (this.#peek() === '.') {
      this.#position += 1;
      this.#readDigits('a digit after the decimal point');
    }
    const exponentMarker = this.#peek();
    if (exponentMarker === 'e' || exponentMarker === 'E') {
      this.#position += 1;
      const sign = this.#peek();
      if (sign === '+' || sign === '-') this.#position += 1;
      this.#readDigits('the digits of the exponent');
    }
    // The slice matches the grammar above, which is a subset of what Number() reads exactly.
    const value = Number(this.#text.slice(start, this.#position));
    if (!Number.isFinite(value)) this.#fail('a number small enough to be finite', start);
    return value;
  }

  #parseOptionalUnit(): MeasurementUnit {
    const afterNumber = this.#position;
    this.#skipWhitespace();
    if (this.#peek() === '%') {
      this.#position += 1;
      return '%';
    }
    if (isAsciiLetter(this.#peek())) {
      const unitStart = this.#position;
      const unit = this.#readLetters();
      if (!isMeasurementUnit(unit)) this.#fail(EXPECTED_UNIT, unitStart);
      return unit;
    }
    this.#position = afterNumber;
    return 'count';
  }

  #parseWord(): string {
    const first = this.#peek();
    if (first === '"') return this.#parseQuotedWord();
    if (!isWordStartCharacter(first)) this.#fail(EXPECTED_WORD);
    const start = this.#position;
    while (isWordCharacter(this.#peek())) this.#position += 1;
    return this.#text.slice(start, this.#position);
  }

  #parseQuotedWord(): string {
    const start = this.#position;
    this.#position += 1;
    let word = '';
    for (;;) {
      if (this.#position >= this.#text.length) this.#fail('a closing double quote');
      const character = this.#peek();
      if (character === '"') break;
      if (character === '\\') {
        const escaped = this.#text.charAt(this.#position + 1);
        if (escaped !== '"' && escaped !== '\\') {
          this.#fail('\\" or \\\\ (the only escapes inside quotes)');
        }
        word += escaped;
        this.#position += 2;
        continue;
      }
      if (isControlCharacter(character)) {
        this.#fail('a printable character or a closing double quote');
      }
      word += character;
      this.#position += 1;
    }
    this.#position += 1;
    if (word.length === 0) this.#fail('a non-empty word', start);
    return word;
  }

  #readLetters(): string {
    const start = this.#position;
    while (isAsciiLetter(this.#peek())) this.#position += 1;
    return this.#text.slice(start, this.#position);
  }

  #readDigits(expected: string): void {
    if (!isAsciiDigit(this.#peek())) this.#fail(expected);
    while (isAsciiDigit(this.#peek())) this.#position += 1;
  }

  #skipWhitespace(): void {
    for (;;) {
      const character = this.#peek();
      if (character !== ' ' && character !== '\t' && character !== '\n' && character !== '\r') {
        return;
      }
      this.#position += 1;
    }
  }

  /** The character at the cursor, or `''` at the end (which matches no character class). */
  #peek(): string {
    return this.#text.charAt(this.#position);
  }

  #fail(expected: string, position: number = this.#position): never {
    throw new ThresholdSyntaxError({ text: this.#text, position, expected });
  }
}
