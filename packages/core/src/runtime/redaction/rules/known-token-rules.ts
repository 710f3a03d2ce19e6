import type { TextRule } from '../text-rule';

// Each pattern starts with a fixed prefix at a word boundary and then reads one character class:
// a candidate either matches its whole run or fails within the prefix and the minimum length,
// so matching is linear.
function prefixedTokenRule(description: string, pattern: RegExp, prefix: string): TextRule {
  return {
    description,
    redact(text, mask) {
      pattern.lastIndex = 0;
      return text.replace(pattern, mask);
    },
    adversarialInputs: [
      { repeated: prefix },
      { repeated: `${prefix}a` },
      { repeated: `${prefix}-` },
      { prefix, repeated: 'a' },
      { prefix, repeated: 'a+' },
    ],
  };
}

/** Token formats with a published prefix, masked wherever they appear. */
export const KNOWN_TOKEN_RULES: readonly TextRule[] = [
  prefixedTokenRule(
    'GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_)',
    /\bgh[pousr]_[A-Za-z0-9]{16,}/g,
    'ghp_',
  ),
  prefixedTokenRule(
    'GitHub fine-grained tokens (github_pat_)',
    /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
    'github_pat_',
  ),
  prefixedTokenRule(
    'GitLab tokens (glpat-, gldt-, glrt-, glptt-, glft-, glsoat-, glcbt-, glimt-, glagent-)',
    /\bgl(?:pat|dt|rt|ptt|ft|soat|cbt|imt|agent)-[A-Za-z0-9_-]{16,}/g,
    'glpat-',
  ),
  prefixedTokenRule(
    'Slack tokens (xoxb-, xoxp-, xoxa-, xoxo-, xoxs-, xoxe-, xoxr-)',
    /\bxox[abposer]-[A-Za-z0-9-]{8,}/g,
    'xoxb-',
  ),
  prefixedTokenRule('Grafana service account tokens (glsa_)', /\bglsa_[A-Za-z0-9_]{20,}/g, 'glsa_'),
  prefixedTokenRule('New Relic user keys (NRAK-)', /\bNRAK-[A-Z0-9]{20,}/g, 'NRAK-'),
  prefixedTokenRule(
    'Sentry tokens (sntrys_, sntryu_)',
    /\bsntry[su]_[A-Za-z0-9+/=_]{20,}/g,
    'sntrys_',
  ),
  prefixedTokenRule(
    'AWS access key ids (AKIA…, ASIA…)',
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g,
    'AKIA',
  ),
];
