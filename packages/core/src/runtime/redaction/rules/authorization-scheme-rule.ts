import { applySpans, type MaskedSpan, type TextRule } from '../text-rule';
import { isWording, MAXIMUM_WORDING_LENGTH } from '../value-shape';

const MINIMUM_CREDENTIAL_LENGTH = 8;
const MAXIMUM_TRAILING_PUNCTUATION = 4;

// The scheme word, a little padding, and (looked ahead, not consumed, so that a scheme word can
// itself be the next candidate) the value, which starts like a token, not like "(" or ".". Starts only at a scheme word; the value run is read
// once per candidate and candidates do not overlap it, so matching is linear.
const SCHEME =
  /\b(bearer|basic|token|negotiate|ntlm)[ \t]{1,8}(?=([A-Za-z0-9_~+/=%-][^\s"'`,;<>]*))/gi;

function isSentencePunctuation(code: number): boolean {
  return code === 0x2e || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x29;
}

/**
 * An authorization scheme followed by a credential in free text: `Bearer eyJ…`, `Basic dXNl…`,
 * GitHub's `token ghp_…`. The value is masked when it has the shape of a credential: at least 8
 * characters and not a word or field path, so "the bearer token is sent" and "Basic
 * authentication failed" stay as they are. (`Authorization: <scheme> …` masks whatever follows
 * the scheme; see the named-value rule.)
 */
export const authorizationSchemeRule: TextRule = {
  description: 'authorization schemes in free text (Bearer …, Basic …, token …, Negotiate …)',
  redact(text, mask) {
    const spans: MaskedSpan[] = [];
    SCHEME.lastIndex = 0;
    for (let match = SCHEME.exec(text); match !== null; match = SCHEME.exec(text)) {
      const start = match.index + match[0].length;
      let end = start + (match[2] ?? '').length;
      let trimmed = 0;
      while (
        end > start &&
        trimmed < MAXIMUM_TRAILING_PUNCTUATION &&
        isSentencePunctuation(text.charCodeAt(end - 1))
      ) {
        end -= 1;
        trimmed += 1;
      }
      const length = end - start;
      if (length < MINIMUM_CREDENTIAL_LENGTH || text.startsWith(mask, start)) continue;
      if (length <= MAXIMUM_WORDING_LENGTH && isWording(text.slice(start, end))) continue;
      spans.push({ start, end, replacement: mask });
      SCHEME.lastIndex = end;
    }
    return applySpans(text, spans);
  },
  adversarialInputs: [
    { repeated: 'bearer ' },
    { repeated: 'Basic token ' },
    { prefix: 'bearer ', repeated: 'a' },
    { prefix: 'token ', repeated: 'bearer' },
    { repeated: 'bearer        ' },
    { repeated: 'bearer a.' },
  ],
};
