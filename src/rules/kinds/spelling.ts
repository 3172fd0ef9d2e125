import type { Claim } from '../../model/claim.js';
import type { FindingDraft, SideDraft } from '../../model/finding.js';
import { foldName } from '../../text/fold.js';
import { fillTemplate, listOf, MAX_MAJORITY_SIDES, strictLeader } from '../../compare/values.js';
import type { CheckResult, Rule, RuleMeta } from '../types.js';
import { pushTo } from '../../util/collections.js';
import { joinId, NONE } from '../../util/strings.js';

export const SPELLING_MESSAGES = {
  variants: '{{name}} is spelled {{variants}} in {{lang}} sources.',
};

/**
 * Spelling variants of one person's name within one language (Andreï / Andrei): a style note for the
 * desk. Names are grouped by their transliteration fold, so only true variants of one name meet; variants
 * across languages (Andrey / Andreï) are expected and not reported unless asked.
 */
export function spellingRule(options: { minWords: number; acrossLanguages: boolean }, meta: RuleMeta): Rule {
  const messages = { ...SPELLING_MESSAGES, ...meta.messages };
  return {
    meta: { ...meta, messages },
    checkReadsDocuments: false,
    extract(analysis) {
      const claims: Claim[] = [];
      for (const mention of analysis.mentions) {
        if (mention.kind !== 'person' || mention.attrs.titleOnly || mention.attrs.surnameOnly) continue;
        // "Jr." and "Jr" are one spelling: periods of abbreviations do not count.
        const written = mention.text.replace(/\.(?=\s|$)/g, '');
        const words = written.split(/\s+/).filter(Boolean);
        if (words.length < options.minWords) continue;
        claims.push({
          id: joinId(analysis.doc.id, meta.id, mention.span[0]),
          doc: analysis.doc.id,
          lang: analysis.doc.lang,
          ruleId: meta.id,
          eventType: 'name',
          attribute: 'spelling',
          values: [{ value: written, span: mention.span, text: mention.text, stated: true }],
          exhaustive: false,
          modality: 'held',
          agents: NONE,
          places: NONE,
          trigger: { text: mention.text, span: mention.span },
          sentence: mention.span,
          keyParts: { name: foldName(mention.text) },
        });
      }
      return claims;
    },
    check(claims): CheckResult {
      const groups = new Map<string, Claim[]>();
      for (const claim of claims) {
        const key = `${options.acrossLanguages ? '*' : claim.lang}|${claim.keyParts.name}`;
        pushTo(groups, key, claim);
      }
      const findings: FindingDraft[] = [];
      for (const [key, group] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
        const variants = [...new Set(group.map((c) => c.values[0]!.value))].sort();
        if (variants.length < 2 || new Set(group.map((c) => c.doc)).size < 2) continue;
        // One side per document and spelling, at its first occurrence.
        const sides: SideDraft[] = [];
        const seen = new Set<string>();
        for (const claim of [...group].sort((a, b) => a.doc.localeCompare(b.doc) || a.trigger.span[0] - b.trigger.span[0])) {
          const id = `${claim.doc}|${claim.values[0]!.value}`;
          if (seen.has(id)) continue;
          seen.add(id);
          sides.push({ doc: claim.doc, values: [claim.values[0]!.value], modality: 'held', span: claim.trigger.span });
        }
        const docsOf = new Map(variants.map((v) => [v, new Set(group.filter((c) => c.values[0]!.value === v).map((c) => c.doc)).size]));
        const counts = variants.map((v) => `"${v}" (${docsOf.get(v)} document(s))`);
        const lang = key.split('|')[0]!;
        findings.push({
          ruleId: meta.id,
          severity: meta.severity,
          fact: `spelling of ${variants[0]}`,
          message: fillTemplate(messages.variants, { name: variants[0]!, variants: listOf(counts), lang: lang === '*' ? 'all' : lang }),
          hint: 'Same person, different spellings: pick the house style and use it everywhere.',
          confidence: 0.9,
          sides: citedSides(sides, docsOf),
          messageId: 'variants',
        });
      }
      return { findings, corroborated: [] };
    },
  };
}

/**
 * Every document of each rarer spelling, and the first few of the most common one: on a large archive a
 * name is spelled the usual way in hundreds of thousands of articles (365,000 of a generated million), and
 * citing each of them made the finding, and every report that lists its documents, that large.
 */
function citedSides(sides: SideDraft[], docsOf: ReadonlyMap<string, number>): SideDraft[] {
  const top = strictLeader([...docsOf], ([, documents]) => documents);
  if (!top || top[1] <= MAX_MAJORITY_SIDES) return sides;
  let kept = 0;
  return sides.filter((side) => side.values[0] !== top[0] || ++kept <= MAX_MAJORITY_SIDES);
}
