/** Text built to make a careless matcher super-linear: `prefix` then `repeated` up to a size. */
export interface AdversarialInput {
  prefix?: string;
  repeated: string;
}

/**
 * One credential shape the redactor masks in free text, registered secret or not. Every rule
 * runs on every output, so each must take time linear in the text's length on any input.
 */
export interface TextRule {
  /** What the rule catches, for tests and docs. */
  description: string;
  /** Returns the text with every match masked, or the same string when nothing matched. */
  redact(text: string, mask: string): string;
  /**
   * Inputs that would make a backtracking or rescanning implementation of this rule slow (long
   * runs of what its quantifiers accept, near-misses). The linear-time test feeds each at two
   * sizes and fails when the time grows faster than the size.
   */
  adversarialInputs: readonly AdversarialInput[];
}

/** A span of text to replace. */
export interface MaskedSpan {
  start: number;
  end: number;
  replacement: string;
}

/** Rebuilds a text from ordered, non-overlapping spans; the same string when there are none. */
export function applySpans(text: string, spans: readonly MaskedSpan[]): string {
  if (spans.length === 0) return text;
  let output = '';
  let cursor = 0;
  for (const span of spans) {
    output += text.slice(cursor, span.start) + span.replacement;
    cursor = span.end;
  }
  return output + text.slice(cursor);
}
