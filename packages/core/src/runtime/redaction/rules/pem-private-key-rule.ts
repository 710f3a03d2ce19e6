import { applySpans, type MaskedSpan, type TextRule } from '../text-rule';

// Bounded quantifiers: checked only where `-----BEGIN ` / `-----END ` was found.
const BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/y;
const END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----/y;

/** PEM private key blocks, to the END line or, when it is missing, to the end of the text. */
export const pemPrivateKeyRule: TextRule = {
  description: 'PEM private key blocks (-----BEGIN … PRIVATE KEY----- to its END line)',
  redact(text, mask) {
    const spans: MaskedSpan[] = [];
    let from = 0;
    for (;;) {
      const start = text.indexOf('-----BEGIN ', from);
      if (start === -1) break;
      BEGIN.lastIndex = start;
      if (!BEGIN.test(text)) {
        from = start + 1;
        continue;
      }
      let end = text.length;
      let search = BEGIN.lastIndex;
      for (;;) {
        const candidate = text.indexOf('-----END ', search);
        if (candidate === -1) break;
        END.lastIndex = candidate;
        if (END.test(text)) {
          end = END.lastIndex;
          break;
        }
        search = candidate + 1;
      }
      spans.push({ start, end, replacement: mask });
      from = end;
    }
    return applySpans(text, spans);
  },
  adversarialInputs: [
    { repeated: '-----BEGIN ' },
    { repeated: '-----BEGIN AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    { prefix: '-----BEGIN PRIVATE KEY-----', repeated: '-----END ' },
    { prefix: '-----BEGIN PRIVATE KEY-----', repeated: '-----END RSA PUBLIC KEY-----' },
  ],
};
