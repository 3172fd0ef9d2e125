import type { Lang } from '../model/document.js';
import type { Mention, Span } from '../model/mention.js';
import { foldAligned, phrasePattern, type PhrasePattern } from '../text/fold.js';

/** The words that announce an event of one rule, per language (data from the rule files). */
export interface TriggerSpec {
  ruleId: string;
  eventType: string;
  phrases: Partial<Record<Lang, readonly string[]>>;
}

const compiled = new WeakMap<readonly TriggerSpec[], Map<Lang, Array<{ spec: TriggerSpec; pattern: PhrasePattern }>>>();

function patternsFor(specs: readonly TriggerSpec[], lang: Lang) {
  let perLang = compiled.get(specs);
  if (!perLang) compiled.set(specs, (perLang = new Map()));
  let patterns = perLang.get(lang);
  if (!patterns) {
    patterns = specs.flatMap((spec) => {
      const pattern = phrasePattern(spec.phrases[lang] ?? []);
      return pattern ? [{ spec, pattern }] : [];
    });
    perLang.set(lang, patterns);
  }
  return patterns;
}

/** Every trigger phrase in the range, matched as whole words, case- and accent-insensitively. */
export function extractTriggers(text: string, range: Span, lang: Lang, specs: readonly TriggerSpec[], foldedText?: string): Mention[] {
  const haystack = (foldedText ?? foldAligned(text)).slice(0, range[1]);
  const mentions: Mention[] = [];
  for (const { spec, pattern } of patternsFor(specs, lang)) {
    for (let match = pattern.exec(haystack, range[0]); match; match = pattern.exec(haystack, match.index + match[0].length)) {
      const span: Span = [match.index, match.index + match[0].length];
      mentions.push({
        kind: 'trigger',
        span,
        text: text.slice(span[0], span[1]),
        value: spec.eventType,
        stated: true,
        attrs: { rule: spec.ruleId },
      });
    }
  }
  return mentions;
}
