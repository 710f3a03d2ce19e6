/**
 * Finds, for increasing positions, the first character at or after a position that passes a
 * test. Each answer is remembered, so a scanner that asks for positions in increasing order
 * reads every character at most once in total: asking many times inside one long run costs the
 * run once, not once per question (which is what makes naive scanners quadratic).
 */
export class ForwardSearch {
  readonly #text: string;
  readonly #test: (code: number) => boolean;
  #from = 0;
  #found = -1;

  /**
   * @param text - The text searched.
   * @param test - Passes for the character codes being looked for.
   */
  constructor(text: string, test: (code: number) => boolean) {
    this.#text = text;
    this.#test = test;
  }

  /**
   * @param position - Where to start looking.
   * @returns The index of the first passing character at or after `position`, or the text's
   *   length when there is none.
   */
  nextFrom(position: number): number {
    // Nothing passed in [from, found), so for a position inside it the answer is unchanged.
    if (position >= this.#from && position <= this.#found) return this.#found;
    let index = position;
    while (index < this.#text.length && !this.#test(this.#text.charCodeAt(index))) index += 1;
    this.#from = position;
    this.#found = index;
    return index;
  }
}
