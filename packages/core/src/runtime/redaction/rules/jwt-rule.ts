import { applySpans, type MaskedSpan, type TextRule } from '../text-rule';

function isBase64UrlCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x5f
  );
}

function runEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && isBase64UrlCharacter(text.charCodeAt(index))) index += 1;
  return index;
}

/**
 * JWTs and JWEs: base64url segments joined by dots, the first starting with `eyJ` (the encoding
 * of `{"`), the first two of at least 8 and 5 characters. A scanner: each segment is read once,
 * and a failed candidate resumes after its first segment, inside which no token can start.
 */
export const jwtRule: TextRule = {
  description: 'JWT-like tokens (base64url segments joined by dots, the first starting with eyJ)',
  redact(text, mask) {
    const spans: MaskedSpan[] = [];
    let from = 0;
    for (;;) {
      const start = text.indexOf('eyJ', from);
      if (start === -1) break;
      if (start > 0 && isBase64UrlCharacter(text.charCodeAt(start - 1))) {
        // Inside a longer run: no token starts before the run ends.
        from = runEnd(text, start);
        continue;
      }
      const first = runEnd(text, start);
      let end = first;
      let segments = 1;
      if (first - start >= 8) {
        // Three segments for a JWS (the last may be empty), five for a JWE.
        while (segments < 5 && end < text.length && text.charCodeAt(end) === 0x2e) {
          const next = runEnd(text, end + 1);
          if (segments === 1 && next - (end + 1) < 5) break;
          end = next;
          segments += 1;
        }
      }
      if (segments >= 3) {
        spans.push({ start, end, replacement: mask });
        from = end;
      } else {
        from = Math.max(first, start + 3);
      }
    }
    return applySpans(text, spans);
  },
  adversarialInputs: [
    { repeated: 'eyJ.' },
    { repeated: 'eyJ-' },
    { repeated: 'eyJaaaaa.' },
    { repeated: 'eyJaaaaaaaaa.aaaaa' },
    { prefix: 'eyJ', repeated: 'a' },
    { repeated: '-eyJ' },
  ],
};
